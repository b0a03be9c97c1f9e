#include "vmsweep/io/baselines_table.hpp"

#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::io {

namespace {

// The parameters of the trials whose windows the baselines are scored on.
std::vector<Value> scored_trial_params(const ResultsLayout& layout) {
  const TrialStore store(layout.trials_dir());
  std::vector<Value> ok, all;
  for (const std::string& id : store.list()) {
    StoredTrial trial = store.read_summary(id);
    if (trial.result.status == train::TrialStatus::ok) ok.push_back(trial.result.params);
    all.push_back(std::move(trial.result.params));
  }
  return ok.empty() ? all : ok;
}

}  // namespace

Table baselines_table(const std::vector<train::BaselineScore>& scores) {
  std::vector<std::string> method, detail;
  std::vector<std::int64_t> look_back, horizon;
  for (const train::BaselineScore& s : scores) {
    method.push_back(s.method);
    detail.push_back(s.detail);
    look_back.push_back(s.look_back);
    horizon.push_back(s.horizon);
  }
  Table table{{{"method", method, {}}, {"detail", detail, {}}, {"look_back", look_back, {}}, {"horizon", horizon, {}}}};
  for (std::size_t m = 0; !scores.empty() && m < scores.front().metrics.size(); ++m) {
    std::vector<double> values;
    for (const train::BaselineScore& s : scores) values.push_back(s.metrics[m].second);
    table.columns.push_back({scores.front().metrics[m].first, std::move(values), {}});
  }
  return table;
}

std::vector<train::BaselineScore> baselines_from_table(const Table& table) {
  std::vector<train::BaselineScore> scores(table.rows());
  for (std::size_t r = 0; r < scores.size(); ++r) {
    scores[r].method = table.values<std::string>("method")[r];
    scores[r].detail = table.values<std::string>("detail")[r];
    scores[r].look_back = table.values<std::int64_t>("look_back")[r];
    scores[r].horizon = table.values<std::int64_t>("horizon")[r];
    for (const Column& column : table.columns)
      if (const auto* values = std::get_if<std::vector<double>>(&column.values))
        scores[r].metrics.emplace_back(column.name, (*values)[r]);
  }
  return scores;
}

std::vector<std::string> store_baselines(const ResultsLayout& layout) {
  std::vector<std::string> problems;
  const std::vector<train::BaselineScore> scores = train::compute_baselines(scored_trial_params(layout), problems);
  if (!scores.empty()) write_table(layout.stamp_file(), baselines_table_name, baselines_table(scores));
  return problems;
}

}  // namespace vmsweep::io
