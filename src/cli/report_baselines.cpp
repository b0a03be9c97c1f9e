#include "report_baselines.hpp"

#include "vmsweep/io/baselines_table.hpp"

namespace vmsweep::cli {

std::vector<BaselineScore> compute_baselines(const std::vector<const io::StoredTrial*>& trials,
                                             std::vector<std::string>& problems) {
  std::vector<Value> params;
  for (const io::StoredTrial* trial : trials) params.push_back(trial->result.params);
  return train::compute_baselines(params, problems);
}

std::vector<BaselineScore> sweep_baselines(const SweepResults& results, std::vector<std::string>& problems) {
  if (std::optional<io::Table> stored = results.table(io::baselines_table_name)) return io::baselines_from_table(*stored);
  // The windows of every trial that did not fail (dist/aggregate_sweep.cpp); of all when all failed.
  std::vector<const io::StoredTrial*> ran, all;
  for (const io::StoredTrial& trial : results.trials()) {
    if (trial.result.status != TrialStatus::failed) ran.push_back(&trial);
    all.push_back(&trial);
  }
  return compute_baselines(ran.empty() ? all : ran, problems);
}

}  // namespace vmsweep::cli
