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
  std::vector<const TrialResult*> trials;
  for (const io::StoredTrial& trial : results.trials()) trials.push_back(&trial.result);
  return train::compute_sweep_baselines(trials, problems);
}

}  // namespace vmsweep::cli
