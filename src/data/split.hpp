#pragma once
// Dividing the windows of a series into train / validation / test, in time order.
#include <cstddef>

#include "vmsweep/data/prepare.hpp"

namespace vmsweep::data {

struct SplitRanges {
  WindowRange train, val, test;
};

// window_count windows over `steps` steps with the given window shape. The parts are first laid out
// as for horizon 1, one slot per first target step (fractions count the way the notebook did:
// int(fraction * steps / stride) slots per part, the test part taking the rest; counts are slots),
// so the target step where each part begins does not depend on the horizon. A window then belongs
// to a part only when all its `horizon` target steps fall inside that part: the windows whose later
// targets reach into the next part belong to no part (straddling_windows() of them before each
// boundary), so no validation or test target is ever a training target, nor a test target a
// validation one.
// InputError when a part comes out empty.
SplitRanges split_windows(const SplitSpec& split, std::size_t window_count, std::size_t steps, const WindowSpec& windows);

// Windows at the end of a part whose later targets fall into the next part: floor((horizon - 1) / stride).
std::size_t straddling_windows(const WindowSpec& windows);

// Windows of a series of `steps` steps: 0 when the series is shorter than one window.
std::size_t count_windows(std::size_t steps, const WindowSpec& windows);

}  // namespace vmsweep::data
