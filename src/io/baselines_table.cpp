#include "vmsweep/io/baselines_table.hpp"

namespace vmsweep::io {

Table baselines_table(const std::vector<BaselineScore>& scores) {
  std::vector<std::string> trace, method, detail;
  std::vector<std::int64_t> look_back, horizon;
  for (const BaselineScore& s : scores) {
    trace.push_back(s.trace);
    method.push_back(s.method);
    detail.push_back(s.detail);
    look_back.push_back(s.look_back);
    horizon.push_back(s.horizon);
  }
  Table table{{{"trace", trace, {}}, {"method", method, {}}, {"detail", detail, {}}, {"look_back", look_back, {}}, {"horizon", horizon, {}}}};
  for (std::size_t m = 0; !scores.empty() && m < scores.front().metrics.size(); ++m) {
    std::vector<double> values;
    for (const BaselineScore& s : scores) values.push_back(s.metrics[m].second);
    table.columns.push_back({scores.front().metrics[m].first, std::move(values), {}});
  }
  return table;
}

std::vector<BaselineScore> baselines_from_table(const Table& table) {
  std::vector<BaselineScore> scores(table.rows());
  for (std::size_t r = 0; r < scores.size(); ++r) {
    if (table.find("trace")) scores[r].trace = table.values<std::string>("trace")[r];  // none before fleets
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

void write_baselines(const ResultsLayout& layout, const std::vector<BaselineScore>& scores) {
  write_tables(layout.baselines_file(), {{baselines_table_name, baselines_table(scores)}});
}

}  // namespace vmsweep::io
