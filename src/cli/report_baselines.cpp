#include "report_baselines.hpp"

#include "vmsweep/io/baselines_table.hpp"
#include "vmsweep/record/trial_result.hpp"
#include "vmsweep/train/baseline_scores.hpp"

namespace vmsweep::cli {

std::vector<BaselineScore> compute_baselines(const std::vector<const io::StoredTrial*>& trials,
                                             std::vector<std::string>& problems) {
  std::vector<Value> params;
  for (const io::StoredTrial* trial : trials) params.push_back(trial->result.params);
  return train::compute_baselines(params, problems);
}

std::vector<BaselineScore> sweep_baselines(const SweepResults& results, std::vector<std::string>& problems) {
  if (std::optional<io::Table> stored = results.table(io::baselines_table_name)) {
    std::vector<BaselineScore> rows = io::baselines_from_table(*stored);
    if (!results.trace().empty()) std::erase_if(rows, [&](const BaselineScore& row) { return row.trace != results.trace(); });
    return rows;
  }
  std::vector<const TrialResult*> trials;
  for (const io::StoredTrial& trial : results.trials()) trials.push_back(&trial.result);
  return train::compute_sweep_baselines(trials, problems);
}

std::string validation_metric(const io::SweepMeta& meta) { return train::baseline_choice_metric(meta.metric); }

const BaselineScore* best_on_validation(const std::vector<BaselineScore>& baselines, const std::string& method,
                                        const io::SweepMeta& meta) {
  return train::baseline_chosen_on_validation(baselines, method, validation_metric(meta), meta.metric_goal == "maximize");
}

const BaselineScore* best_ridge_ar_on_validation(const std::vector<BaselineScore>& baselines, const io::SweepMeta& meta) {
  return best_on_validation(baselines, "ridge_ar", meta);
}

}  // namespace vmsweep::cli
