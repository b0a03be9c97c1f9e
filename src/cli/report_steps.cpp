// The error per step ahead (`vmsweep report`, section steps): for a sweep whose best trial predicts
// several steps, its test MSE and MAE at h = 1..H beside the ensembles' and the baselines' on the
// same windows (the baselines of its look-back and horizon).
#include <algorithm>
#include <cmath>

#include "report_params.hpp"
#include "report_sections.hpp"

namespace vmsweep::cli {

namespace {

// One row: the forecaster, the metric, its value at every step, and their mean.
std::vector<Value> step_row(const char* kind, const std::string& name, const std::string& metric,
                            const Metrics& metrics, std::int64_t horizon) {
  std::vector<Value> row{kind, name, metric};
  double sum = 0;
  for (std::int64_t k = 1; k <= horizon; ++k) {
    const std::string key = metric + "_h" + std::to_string(k);
    const auto found = std::find_if(metrics.begin(), metrics.end(), [&](const auto& m) { return m.first == key; });
    if (found == metrics.end()) {
      row.emplace_back(nullptr);
      sum = NAN;
    } else {
      row.emplace_back(found->second);
      sum += found->second;
    }
  }
  row.emplace_back(sum / static_cast<double>(horizon));
  return row;
}

void add_rows(Section& section, const char* kind, const std::string& name, const Metrics& metrics, std::int64_t horizon) {
  for (const char* metric : {"test_mse", "test_mae"}) section.add_row(step_row(kind, name, metric, metrics, horizon));
}

}  // namespace

Section steps_section(const SweepResults& results, const std::vector<BaselineScore>& ensembles,
                      const std::vector<BaselineScore>& baselines) {
  Section section{"steps", "test error per step ahead (original units): the best trial, the ensembles and the baselines on the same windows",
                  {"kind", "id", "metric"}, {}};
  const auto ranked = ranked_trials(results);
  if (ranked.empty()) return section;
  const io::StoredTrial& best = *ranked.front();
  const std::int64_t horizon = int_param(best.result.params, "horizon", 1);
  const std::int64_t look_back = int_param(best.result.params, "look_back", 0);
  if (horizon < 2) return section;
  for (std::int64_t k = 1; k <= horizon; ++k) section.columns.push_back("h" + std::to_string(k));
  section.columns.push_back("mean");
  add_rows(section, "trial", best.id, best.result.metrics, horizon);
  for (const BaselineScore& score : ensembles) add_rows(section, "ensemble", score.method, score.metrics, horizon);
  for (const BaselineScore& score : baselines)
    if (score.horizon == horizon && (score.look_back == 0 || score.look_back == look_back))
      add_rows(section, "baseline", score.detail.empty() ? score.method : score.method + " (" + score.detail + ")", score.metrics, horizon);
  return section;
}

}  // namespace vmsweep::cli
