#pragma once
// Dividing the windows of a series into train / validation / test, in time order.
#include <cstddef>

#include "vmsweep/data/prepare.hpp"

namespace vmsweep::data {

struct SplitRanges {
  WindowRange train, val, test;
};

// window_count windows over `steps` steps with the given window shape. Fractions count the way the
// notebook did: int(fraction * steps / stride) windows per part, the test part taking the rest.
// InputError when a part comes out empty.
SplitRanges split_windows(const SplitSpec& split, std::size_t window_count, std::size_t steps, const WindowSpec& windows);

// Windows of a series of `steps` steps: 0 when the series is shorter than one window.
std::size_t count_windows(std::size_t steps, const WindowSpec& windows);

}  // namespace vmsweep::data
