#pragma once
// A trial's predictions in original units, one row per (window, horizon step), in time order.
#include <cstdint>
#include <vector>

namespace vmsweep {

enum class SplitPart : std::int8_t { train = 0, val = 1, test = 2 };
const char* to_string(SplitPart part);

struct Predictions {
  std::vector<std::int64_t> timestamp_ms;  // time of the predicted step, Unix epoch milliseconds
  std::vector<double> actual;
  std::vector<double> predicted;
  std::vector<SplitPart> split;
  std::vector<std::int32_t> horizon_step;  // 1..horizon
};

}  // namespace vmsweep
