#pragma once
// A time series on its way through cleaning: parallel arrays, NaN marking a missing value.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace vmsweep::data {

struct Series {
  std::vector<std::int64_t> timestamps_ms;
  std::vector<double> values;

  std::size_t size() const { return values.size(); }
};

// Keeps the rows i for which keep(i) is true, in order; returns how many were removed. keep(i) may
// look at rows i and later: they are not yet overwritten when it is asked.
template <typename Keep>
std::size_t keep_rows(Series& series, Keep keep) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (!keep(i)) continue;
    series.timestamps_ms[kept] = series.timestamps_ms[i];
    series.values[kept++] = series.values[i];
  }
  const std::size_t removed = series.size() - kept;
  series.timestamps_ms.resize(kept);
  series.values.resize(kept);
  return removed;
}

}  // namespace vmsweep::data
