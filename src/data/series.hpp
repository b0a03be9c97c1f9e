#pragma once
// A time series on its way through cleaning: parallel arrays, NaN marking a missing value.
#include <cstdint>
#include <vector>

namespace vmsweep::data {

struct Series {
  std::vector<std::int64_t> timestamps_ms;
  std::vector<double> values;

  std::size_t size() const { return values.size(); }
};

}  // namespace vmsweep::data
