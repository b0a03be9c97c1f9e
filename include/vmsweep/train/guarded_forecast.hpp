#pragma once
// The guarded forecast: the forecast to use when the answer must not lose to a linear model. The
// mean of the (up to) guarded_members best trials among those that beat the ridge AR chosen on
// validation by at least guarded_margin on the validation metric, and that ridge AR itself when no
// trial does (a highway trial's linear start is that model, so the choice stays in the sweep's model
// family). Both constants come from replaying the rule on the Bitbrains sweeps' stored trials
// (docs/levers.md): a margin absorbs validation noise that a single best trial overfits, and a mean
// of three damps one member's wild forecast on a part unlike the training one. One rule for the
// report's leaderboard and fleet rows and for /fleet.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/record/baseline_score.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::train {

inline constexpr std::size_t guarded_members = 3;
inline constexpr double guarded_margin = 0.02;

// A trial the guard may take, with its scores (its own, or a global trial's on the trace): the
// sweep's metric ranks it, the metric baselines are chosen on (baseline_choice_metric) is compared
// with ridge AR's; none when not finite.
struct GuardCandidate {
  std::string id;
  std::optional<double> ranking;
  std::optional<double> validation;
};
GuardCandidate guard_candidate(std::string id, const Metrics& metrics, const std::string& sweep_metric);

struct GuardedChoice {
  std::vector<std::string> members;     // best first; empty: the forecast is `ridge` itself
  const BaselineScore* ridge = nullptr;  // the ridge AR chosen on validation, one of the given rows
};

// `candidates` in trial order (ties keep it); `rows` the trace's baselines. None when the rows have
// no ridge AR with a finite value of the choice metric.
std::optional<GuardedChoice> choose_guarded(std::vector<GuardCandidate> candidates, const std::vector<BaselineScore>& rows,
                                            const std::string& sweep_metric, bool maximize);

// How the report and /fleet name it: "trials 3 7 12", or "ridge_ar (look-back 72)".
std::string guarded_description(const GuardedChoice& choice);

// The members' mean forecast (mean_predictions) scored as a trial is: pooled val and test metrics,
// the error per step ahead and the coverage of the mean's conformal intervals.
Metrics mean_forecast_metrics(const std::vector<Predictions>& members);

}  // namespace vmsweep::train
