#pragma once
// The sweep's baselines: persistence, seasonal naive, a ridge autoregression and simple exponential
// smoothing, scored with the trials' metrics on the trials' own validation and test windows. Windows
// depend on the data block, the look-back and the horizon, so there is one set per distinct
// combination among the trials.
#include <cstdint>
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/eval/metrics.hpp"
#include "vmsweep/train/trial_result.hpp"

namespace vmsweep::train {

// A row scored like a trial without being one: a baseline, or (in the report) an ensemble.
struct BaselineScore {
  std::string method;          // persistence | seasonal_naive | ridge_ar | ses (or an ensemble's kind)
  std::string detail;          // e.g. "season 7 steps", "lambda 0.001", "alpha 0.28"
  std::int64_t look_back = 0;  // 0: the same scores for every look-back of the sweep
  std::int64_t horizon = 1;
  Metrics metrics;             // val_* and test_*, in original units; per step ahead too (val_mse_h1 ...)
};

// Appends <part>_mse, _rmse, _mae, _mape, _smape and _r2: the names trials use for their metrics.
void add_metrics(Metrics& out, const std::string& part, const eval::Metrics& metrics);

// From the trials' parameters (data block included, as run). A data block that cannot be prepared
// (e.g. the trace has moved) is skipped and named in `problems`.
std::vector<BaselineScore> compute_baselines(const std::vector<Value>& trial_params,
                                             std::vector<std::string>& problems);

}  // namespace vmsweep::train
