#pragma once
// Dividing the windows of a series into train / validation / test, in time order, by target step.
#include <cstddef>

#include "vmsweep/data/prepare.hpp"

namespace vmsweep::data {

struct SplitRanges {
  WindowRange train, val, test;
};

// Where the windows of a series lie and which part each belongs to.
struct WindowLayout {
  std::size_t first_target = 0;  // the (first) target step of window 0
  std::size_t window_count = 0;  // window w targets first_target + w * stride
  SplitRanges ranges;
};

// The parts are periods of target steps that do not depend on the look-back, the horizon or the
// season lags, so every trial of a sweep is scored on the same validation and test targets:
// fractions cut the series at target steps int(train x steps) and that plus int(val x steps), the
// test part taking the rest; counts are windows counted back from the end of the series (test the
// last `test`, validation the `val` before, train the `train` before that or all the rest). The
// windows' targets lie on a grid ending with the last step (every stride-th step back from it);
// window 0 is the first whose inputs (`history` steps before its target: the look-back, and the
// season lags' reach) lie inside the series, so the windows that lack history are missing from the
// training part only. A window belongs to a part when all its `horizon` targets lie inside it: the
// windows whose later targets reach into the next part belong to no part.
// InputError when a part comes out empty.
WindowLayout lay_out_windows(const SplitSpec& split, std::size_t steps, const WindowSpec& windows,
                             std::size_t history);

}  // namespace vmsweep::data
