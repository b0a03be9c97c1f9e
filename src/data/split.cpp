#include "split.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

// The first target step of each part's period, in steps (negative: before the series begins); the
// test period ends with the series.
struct Boundaries {
  std::int64_t train = 0, val = 0, test = 0;
};

Boundaries fraction_boundaries(const SplitSpec& split, std::int64_t steps) {
  Boundaries b;
  b.val = static_cast<std::int64_t>(split.train * static_cast<double>(steps));
  b.test = split.val_is_test ? b.val : b.val + static_cast<std::int64_t>(split.val * static_cast<double>(steps));
  return b;
}

// Counts are windows: `n` windows of stride s cover the n * s steps before a boundary.
Boundaries count_boundaries(const SplitSpec& split, std::int64_t steps, std::int64_t stride) {
  Boundaries b;
  b.test = steps - static_cast<std::int64_t>(split.test) * stride;
  b.val = split.val_is_test ? b.test : b.test - static_cast<std::int64_t>(split.val) * stride;
  // A train count larger than the series holds is an error (an empty part), not a silent cut.
  b.train = split.train < 0 ? 0 : b.val - static_cast<std::int64_t>(split.train) * stride;
  if (b.train < 0) b.train = b.val;
  return b;
}

struct Grid {
  std::int64_t first = 0, count = 0, stride = 1;

  // Windows whose target is before `step`.
  std::int64_t before(std::int64_t step) const {
    if (step <= first) return 0;
    return std::min(count, (step - first + stride - 1) / stride);
  }
};

// Targets every stride-th step back from the last one, from the first with `history` steps before it.
Grid target_grid(std::int64_t steps, const WindowSpec& windows, std::int64_t history) {
  Grid grid;
  grid.stride = windows.stride;
  if (steps - 1 < history) return grid;
  grid.first = (steps - 1) - ((steps - 1 - history) / grid.stride) * grid.stride;
  const std::int64_t last = steps - windows.horizon;  // the last first-target with all its targets inside
  grid.count = last < grid.first ? 0 : (last - grid.first) / grid.stride + 1;
  return grid;
}

// The windows whose every target lies in [begin, end).
WindowRange part_windows(const Grid& grid, std::int64_t begin, std::int64_t end, int horizon) {
  const std::int64_t first = grid.before(begin), past = grid.before(end - horizon + 1);
  return {static_cast<std::size_t>(first), static_cast<std::size_t>(std::max<std::int64_t>(past - first, 0))};
}

SplitRanges part_ranges(const SplitSpec& split, const Boundaries& b, const Grid& grid, std::int64_t steps, int horizon) {
  SplitRanges ranges;
  ranges.test = part_windows(grid, b.test, steps, horizon);
  ranges.val = split.val_is_test ? ranges.test : part_windows(grid, b.val, b.test, horizon);
  ranges.train = part_windows(grid, b.train, b.val, horizon);
  return ranges;
}

const char* empty_part(const SplitRanges& ranges, const SplitSpec& split) {
  if (ranges.train.count == 0) return "train";
  if (ranges.test.count == 0) return "test";
  if (!split.val_is_test && ranges.val.count == 0) return "val";
  return nullptr;
}

std::string shape_text(std::size_t steps, std::size_t window_count, const WindowSpec& windows, std::size_t history) {
  std::string text = std::to_string(steps) + " steps give " + std::to_string(window_count) + " windows (look_back " +
                     std::to_string(windows.look_back) + ", horizon " + std::to_string(windows.horizon) + ", stride " +
                     std::to_string(windows.stride);
  if (history > static_cast<std::size_t>(windows.look_back))
    text += ", " + std::to_string(history) + " steps of history before a target with the season lags";
  return text + ")";
}

// Names the part left empty, and when only the horizon empties it, says so.
void check_parts(const SplitSpec& split, const SplitRanges& ranges, const SplitRanges& one_step, const std::string& shape,
                 int horizon) {
  const char* empty = empty_part(one_step, split);
  std::string why = shape;
  if (!empty && (empty = empty_part(ranges, split)))
    why += ", and the windows whose first target is among the last " + std::to_string(horizon - 1) +
           " steps of a part reach into the next part";
  if (empty)
    throw InputError("split " + split.to_string() + " leaves the " + empty + " part empty: " + why +
                     "; use a longer series, a shorter look_back or other split sizes");
}

}  // namespace

WindowLayout lay_out_windows(const SplitSpec& split, std::size_t steps, const WindowSpec& windows, std::size_t history) {
  const auto n = static_cast<std::int64_t>(steps);
  const Grid grid = target_grid(n, windows, static_cast<std::int64_t>(history));
  const std::string shape = shape_text(steps, static_cast<std::size_t>(grid.count), windows, history);
  if (grid.count == 0) throw InputError("the series is too short: " + shape);
  const Boundaries b = split.mode == SplitSpec::Mode::fractions ? fraction_boundaries(split, n)
                                                                : count_boundaries(split, n, windows.stride);
  WindowLayout layout{static_cast<std::size_t>(grid.first), static_cast<std::size_t>(grid.count),
                      part_ranges(split, b, grid, n, windows.horizon)};
  const Grid one_step = target_grid(n, {windows.look_back, 1, windows.stride}, static_cast<std::int64_t>(history));
  const std::string history_note = grid.first >= b.val ? ", and the first window with its " + std::to_string(history) +
      " steps of history targets step " + std::to_string(grid.first) + ", where the training part has ended (step " +
      std::to_string(b.val) + "): validation and test never drop a window for want of history" : "";
  check_parts(split, layout.ranges, part_ranges(split, b, one_step, n, 1), shape + history_note, windows.horizon);
  return layout;
}

}  // namespace vmsweep::data
