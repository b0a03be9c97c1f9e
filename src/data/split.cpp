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

PartSizes fraction_sizes(const SplitSpec& split, std::size_t window_count, std::size_t steps, int stride) {
  double base = static_cast<double>(steps) / stride;
  PartSizes sizes;
  sizes.train = static_cast<std::size_t>(split.train * base);
  sizes.val = split.val_is_test ? 0 : static_cast<std::size_t>(split.val * base);
  std::size_t taken = sizes.train + sizes.val;
  sizes.test = taken < window_count ? window_count - taken : 0;
  return sizes;
}

PartSizes count_sizes(const SplitSpec& split, std::size_t window_count) {
  PartSizes sizes;
  sizes.test = static_cast<std::size_t>(split.test);
  sizes.val = split.val_is_test ? 0 : static_cast<std::size_t>(split.val);
  std::size_t taken = sizes.test + sizes.val;
  std::size_t rest = taken < window_count ? window_count - taken : 0;
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

}  // namespace

std::size_t count_windows(std::size_t steps, const WindowSpec& windows) {
  std::size_t span = static_cast<std::size_t>(windows.look_back) + static_cast<std::size_t>(windows.horizon);
  if (steps < span) return 0;
  return (steps - span) / static_cast<std::size_t>(windows.stride) + 1;
}

SplitRanges split_windows(const SplitSpec& split, std::size_t window_count, std::size_t steps, const WindowSpec& windows) {
  std::string shape = shape_text(steps, window_count, windows);
  if (window_count == 0) throw InputError("the series is too short: " + shape);
  PartSizes sizes = split.mode == SplitSpec::Mode::fractions ? fraction_sizes(split, window_count, steps, windows.stride)
                                                             : count_sizes(split, window_count);
  check_sizes(sizes, split, shape);
  SplitRanges ranges;
  ranges.test = {window_count - sizes.test, sizes.test};
  ranges.val = split.val_is_test ? ranges.test : WindowRange{ranges.test.first - sizes.val, sizes.val};
  // Train ends where the first held-out part begins (with `val: test` that is the test part).
  ranges.train = {ranges.val.first - sizes.train, sizes.train};
  return ranges;
}

}  // namespace vmsweep::data
