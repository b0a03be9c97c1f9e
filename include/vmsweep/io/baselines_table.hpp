#pragma once
// The sweep's baselines as a table under /tables/baselines: scored once when a sweep is
// aggregated (dist::aggregate_sweep), so the report and the plots read them instead of preparing
// the trace again.
#include <string>
#include <vector>

#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/table.hpp"
#include "vmsweep/record/baseline_score.hpp"

namespace vmsweep::io {

inline constexpr const char* baselines_table_name = "baselines";

// One row per baseline: trace, method, detail, look_back, horizon, then a column per metric.
Table baselines_table(const std::vector<BaselineScore>& scores);
std::vector<BaselineScore> baselines_from_table(const Table& table);

// Writes results/<name>/baselines.h5 (temporary name, then rename), from where io::aggregate
// copies the table into results/<name>.h5.
void write_baselines(const ResultsLayout& layout, const std::vector<BaselineScore>& scores);

}  // namespace vmsweep::io
