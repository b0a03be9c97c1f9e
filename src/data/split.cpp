#include "split.hpp"

#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

struct PartSizes {
  std::size_t train = 0, val = 0, test = 0;  // val == 0 when it reuses the test part
};

std::string shape_text(std::size_t steps, std::size_t window_count, const WindowSpec& windows) {
  return std::to_string(steps) + " steps give " + std::to_string(window_count) + " windows (look_back " +
         std::to_string(windows.look_back) + ", horizon " + std::to_string(windows.horizon) + ", stride " +
         std::to_string(windows.stride) + ")";
}

PartSizes fraction_sizes(const SplitSpec& split, std::size_t slots, std::size_t steps, int stride) {
  double base = static_cast<double>(steps) / stride;
  PartSizes sizes;
  sizes.train = static_cast<std::size_t>(split.train * base);
  sizes.val = split.val_is_test ? 0 : static_cast<std::size_t>(split.val * base);
  std::size_t taken = sizes.train + sizes.val;
  sizes.test = taken < slots ? slots - taken : 0;
  return sizes;
}

PartSizes count_sizes(const SplitSpec& split, std::size_t slots) {
  PartSizes sizes;
  sizes.test = static_cast<std::size_t>(split.test);
  sizes.val = split.val_is_test ? 0 : static_cast<std::size_t>(split.val);
  std::size_t taken = sizes.test + sizes.val;
  std::size_t rest = taken < slots ? slots - taken : 0;
  std::size_t wanted = split.train < 0 ? rest : static_cast<std::size_t>(split.train);
  // A train count larger than what is left is an error (reported as an empty part), not a silent cut.
  sizes.train = wanted <= rest ? wanted : 0;
  return sizes;
}

void check_sizes(const PartSizes& sizes, const SplitSpec& split, const std::string& shape) {
  const char* empty = sizes.train == 0 ? "train" : sizes.test == 0 ? "test" : (!split.val_is_test && sizes.val == 0) ? "val" : nullptr;
  if (empty)
    throw InputError("split " + split.to_string() + " leaves the " + empty + " part empty: " + shape +
                     "; use a longer series, a shorter look_back or other split sizes");
}

std::size_t minus(std::size_t count, std::size_t cut) { return count > cut ? count - cut : 0; }

// Parts laid out on first-target slots (the windows of horizon 1), in time order.
SplitRanges slot_ranges(const PartSizes& sizes, const SplitSpec& split, std::size_t slots) {
  SplitRanges ranges;
  ranges.test = {slots - sizes.test, sizes.test};
  ranges.val = split.val_is_test ? ranges.test : WindowRange{ranges.test.first - sizes.val, sizes.val};
  // Train ends where the first held-out part begins (with `val: test` that is the test part).
  ranges.train = {ranges.val.first - sizes.train, sizes.train};
  return ranges;
}

// Only the windows whose every target step lies inside their part; the test part ends with the series.
SplitRanges whole_target_windows(SplitRanges ranges, const SplitSpec& split, std::size_t window_count,
                                 const WindowSpec& windows) {
  const std::size_t cut = straddling_windows(windows);
  ranges.test.count = minus(window_count, ranges.test.first);
  ranges.val.count = split.val_is_test ? ranges.test.count : minus(ranges.val.count, cut);
  ranges.train.count = minus(ranges.train.count, cut);
  return ranges;
}

}  // namespace

std::size_t count_windows(std::size_t steps, const WindowSpec& windows) {
  std::size_t span = static_cast<std::size_t>(windows.look_back) + static_cast<std::size_t>(windows.horizon);
  if (steps < span) return 0;
  return (steps - span) / static_cast<std::size_t>(windows.stride) + 1;
}

std::size_t straddling_windows(const WindowSpec& windows) {
  return static_cast<std::size_t>(windows.horizon - 1) / static_cast<std::size_t>(windows.stride);
}

SplitRanges split_windows(const SplitSpec& split, std::size_t window_count, std::size_t steps, const WindowSpec& windows) {
  std::string shape = shape_text(steps, window_count, windows);
  if (window_count == 0) throw InputError("the series is too short: " + shape);
  const std::size_t slots = count_windows(steps, {windows.look_back, 1, windows.stride});
  PartSizes sizes = split.mode == SplitSpec::Mode::fractions ? fraction_sizes(split, slots, steps, windows.stride)
                                                             : count_sizes(split, slots);
  check_sizes(sizes, split, shape);
  SplitRanges ranges = whole_target_windows(slot_ranges(sizes, split, slots), split, window_count, windows);
  check_sizes({ranges.train.count, split.val_is_test ? 0 : ranges.val.count, ranges.test.count}, split,
              shape + ", of which " + std::to_string(straddling_windows(windows)) +
                  " before each part's end reach into the next part");
  return ranges;
}

}  // namespace vmsweep::data
