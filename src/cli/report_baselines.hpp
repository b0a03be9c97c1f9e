#pragma once
// The sweep's baselines: persistence, seasonal naive and a ridge autoregression, scored with the
// trials' metrics on the trials' own validation and test windows. Windows depend on the data block,
// the look-back and the horizon, so there is one set per distinct combination among the trials.
//
// Where they come from: a `baselines` table in the results (under /tables, written with
// io::write_table into the stamp and copied by io::aggregate) when the sweep stored one; otherwise
// they are computed here from the trials' parameters, which hold the data block as run.
#include <string>
#include <vector>

#include "report_source.hpp"
#include "vmsweep/eval/metrics.hpp"
#include "vmsweep/train/trial_result.hpp"

namespace vmsweep::cli {

struct BaselineScore {
  std::string method;      // persistence | seasonal_naive | ridge_ar
  std::string detail;      // e.g. "season 7 steps", "lambda 0.001"
  std::int64_t look_back = 0;  // 0: the same scores for every look-back of the sweep
  std::int64_t horizon = 1;
  train::Metrics metrics;  // val_* and test_*, in original units
};

// Appends <part>_mse, _rmse, _mae, _mape and _smape: the names trials use for their metrics.
void add_metrics(train::Metrics& out, const std::string& part, const eval::Metrics& metrics);

// From the trials' parameters; a data block that cannot be prepared (e.g. the trace has moved) is
// skipped and named in `problems`.
std::vector<BaselineScore> compute_baselines(const std::vector<const io::StoredTrial*>& trials,
                                             std::vector<std::string>& problems);

// One row per baseline: method, detail, look_back, horizon, then a column per metric.
io::Table baselines_table(const std::vector<BaselineScore>& scores);
std::vector<BaselineScore> baselines_from_table(const io::Table& table);

// The stored table if the results have one, else computed from the finished trials (best first).
std::vector<BaselineScore> sweep_baselines(const SweepResults& results, std::vector<std::string>& problems);

}  // namespace vmsweep::cli
