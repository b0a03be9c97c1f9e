#pragma once
// The leaderboard rows of the forecasts that combine trials, chosen on validation only
// (io::choose_members) so their test scores stay honest: seed_mean (every repeat of the configuration
// with the best mean of the sweep's metric) and top K (the K best trials), each predicting with its
// members' mean. Predictions are matched by (split, time, horizon step), so trials with different
// look-backs combine on the windows they share. Each row has the pooled metrics, the error per step
// ahead and the coverage of the mean's conformal intervals.
#include <cstddef>
#include <vector>

#include "report_baselines.hpp"
#include "report_source.hpp"

namespace vmsweep::cli {

// Rows for the leaderboard (method "seed_mean" / "top_k"), empty when fewer than two trials finished.
std::vector<BaselineScore> ensemble_scores(const SweepResults& results, std::size_t top_k);

}  // namespace vmsweep::cli
