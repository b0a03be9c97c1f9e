#pragma once
// Forecasts that combine trials, each chosen on validation only so their test scores stay honest:
//   - seed mean: the configuration (parameters but the seed) whose repeats' mean prediction has the
//     best validation score; averaging seeds removes the luck of one initialisation;
//   - top K: the mean prediction of the K best trials by the sweep's metric.
// Predictions are matched by (split, time, horizon step), so trials with different look-backs combine
// on the windows they share.
#include <cstddef>
#include <vector>

#include "report_baselines.hpp"
#include "report_source.hpp"

namespace vmsweep::cli {

// Rows for the leaderboard (method "seed_mean" / "top_k"), empty when fewer than two trials finished.
std::vector<BaselineScore> ensemble_scores(const SweepResults& results, std::size_t top_k);

}  // namespace vmsweep::cli
