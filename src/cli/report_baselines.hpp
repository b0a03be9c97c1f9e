#pragma once
// The baselines the report shows: the table the sweep stored when it was aggregated
// (dist::aggregate_sweep), or, for a sweep still running or aggregated without them, computed from
// the finished trials' parameters (train::compute_baselines).
#include <string>
#include <vector>

#include "report_source.hpp"
#include "vmsweep/train/baseline_scores.hpp"

namespace vmsweep::cli {

using train::add_metrics;

// The baselines on the windows of these trials (their parameters hold the data block as run).
std::vector<BaselineScore> compute_baselines(const std::vector<const io::StoredTrial*>& trials,
                                             std::vector<std::string>& problems);

// The stored table if the results have one, else computed from the finished trials (best first);
// for results narrowed to one trace, that trace's rows only.
std::vector<BaselineScore> sweep_baselines(const SweepResults& results, std::vector<std::string>& problems);

// The validation metric baselines and trials are compared on: the sweep's own when it is a
// validation metric, else val_mse.
std::string validation_metric(const io::SweepMeta& meta);

// The row of `method` a user would pick without looking at the test part: among its rows (one per
// look-back), the best on validation_metric. Null when there is none.
const BaselineScore* best_on_validation(const std::vector<BaselineScore>& baselines, const std::string& method,
                                        const io::SweepMeta& meta);
// The ridge AR so chosen: the linear model to beat.
const BaselineScore* best_ridge_ar_on_validation(const std::vector<BaselineScore>& baselines, const io::SweepMeta& meta);

}  // namespace vmsweep::cli
