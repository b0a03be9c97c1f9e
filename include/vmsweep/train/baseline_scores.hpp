#pragma once
// The sweep's baselines: persistence, seasonal naive, a ridge autoregression and simple exponential
// smoothing, scored with the trials' metrics on the trials' own validation and test windows. Windows
// depend on the data block, the look-back and the horizon, so there is one set per distinct
// combination among the trials.
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/eval/metrics.hpp"
#include "vmsweep/record/baseline_score.hpp"

namespace vmsweep::train {

// Appends <part>_mse, _rmse, _mae, _mape, _smape and _r2: the names trials use for their metrics.
void add_metrics(Metrics& out, const std::string& part, const eval::Metrics& metrics);

// From the trials' parameters (data block included, as run). A data block that cannot be prepared
// (e.g. the trace has moved) is skipped and named in `problems`. Ordered by look-back (the rows that
// hold for any look-back first), then horizon.
std::vector<BaselineScore> compute_baselines(const std::vector<Value>& trial_params,
                                             std::vector<std::string>& problems);

// A sweep's baselines, on the windows of every trial that did not fail (pruned trials count, so each
// look-back that ran has its rows), or of all of them when all failed; per trace (TrialResult::trace),
// each row naming its trace, traces in id order.
std::vector<BaselineScore> compute_sweep_baselines(const std::vector<const TrialResult*>& trials,
                                                   std::vector<std::string>& problems);

// The metric a baseline's row is chosen on: the sweep's metric when it is a validation metric
// (val_mae, ...), else val_mse.
std::string baseline_choice_metric(const std::string& sweep_metric);

// Among `rows` of `method` (one per look-back, and per horizon if the caller has not narrowed them),
// the best on validation by `metric` (lowest, or highest with `maximize`; the first among equals);
// rows without a finite value do not count. Null when there is none. The report, /fleet and the
// guarded forecast all choose a baseline this way.
const BaselineScore* baseline_chosen_on_validation(const std::vector<BaselineScore>& rows, const std::string& method,
                                                   const std::string& metric, bool maximize);

}  // namespace vmsweep::train
