#pragma once
// The leaderboard rows of the forecasts that combine trials, chosen on validation only
// (io::choose_members) so their test scores stay honest: seed_mean (every repeat of the configuration
// with the best mean of the sweep's metric) and top K (the K best trials), each predicting with its
// members' mean. Predictions are matched by (split, time, horizon step), so trials with different
// look-backs combine on the windows they share. Each row has the pooled metrics, the error per step
// ahead and the coverage of the mean's conformal intervals.
//
// guarded is the forecast to use when the answer must not lose to a linear model
// (train/guarded_forecast.hpp, the rule /fleet also applies).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "report_baselines.hpp"
#include "report_source.hpp"

namespace vmsweep::cli {

struct GuardedForecast {
  std::vector<std::string> trials;  // its members, best first; empty: it is the ridge AR chosen on validation
  BaselineScore score;              // its leaderboard row (method "guarded"), scored like a trial
  std::string description;          // train::guarded_description: "trials 3 7 12" or "ridge_ar (look-back 72)"
};

// The guarded forecast of these results (a fleet's: narrow them to one trace first); none when the
// baselines have no ridge AR.
std::optional<GuardedForecast> guarded_forecast(const SweepResults& results, const std::vector<BaselineScore>& baselines);

// Rows for the leaderboard (method "seed_mean" / "top_k" / "guarded"), empty when fewer than two
// trials finished; guarded only when the baselines have a ridge AR.
std::vector<BaselineScore> ensemble_scores(const SweepResults& results, std::size_t top_k,
                                           const std::vector<BaselineScore>& baselines);

}  // namespace vmsweep::cli
