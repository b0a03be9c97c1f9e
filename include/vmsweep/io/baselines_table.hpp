#pragma once
// The sweep's baselines as a table under /tables/baselines: computed once when a sweep is
// aggregated, so the report and the plots read them instead of preparing the trace again.
#include <string>
#include <vector>

#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/table.hpp"
#include "vmsweep/train/baseline_scores.hpp"

namespace vmsweep::io {

inline constexpr const char* baselines_table_name = "baselines";

// One row per baseline: method, detail, look_back, horizon, then a column per metric.
Table baselines_table(const std::vector<train::BaselineScore>& scores);
std::vector<train::BaselineScore> baselines_from_table(const Table& table);

// Scores the baselines on the windows of the sweep's finished trials (those that ended ok, or all
// of them when none did) and writes the table into the sweep's stamp, from where io::aggregate
// copies it into results/<name>.h5. Returns what could not be scored (e.g. a trace that moved).
std::vector<std::string> store_baselines(const ResultsLayout& layout);

}  // namespace vmsweep::io
