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

}  // namespace vmsweep::train
