#include <algorithm>

#include "split.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"

namespace vmsweep::data {

namespace {

// Steps touched (inputs and targets) by the windows of `part`.
std::span<const double> steps_of(const std::vector<double>& values, WindowRange part, const WindowSpec& windows) {
  std::size_t first = part.first * static_cast<std::size_t>(windows.stride);
  std::size_t last_start = (part.end() - 1) * static_cast<std::size_t>(windows.stride);
  std::size_t end = last_start + static_cast<std::size_t>(windows.look_back + windows.horizon);
  return std::span<const double>(values).subspan(first, end - first);
}

}  // namespace

const char* split_name(Split part) {
  switch (part) {
    case Split::train: return "train";
    case Split::val: return "val";
    case Split::test: return "test";
  }
  return "?";
}

PreparedData::PreparedData(std::vector<std::int64_t> timestamps_ms, std::vector<double> values, std::int64_t step_ms,
                           const WindowSpec& windows, const SplitSpec& split, ScaleKind scale, ScaleFit fit)
    : timestamps_ms_(std::move(timestamps_ms)), values_(std::move(values)), step_ms_(step_ms), windows_(windows) {
  window_count_ = count_windows(values_.size(), windows_);
  SplitRanges ranges = split_windows(split, window_count_, values_.size(), windows_);
  train_ = ranges.train;
  val_ = ranges.val;
  test_ = ranges.test;
  scaler_ = Scaler::fit(scale, fit == ScaleFit::all ? std::span<const double>(values_) : steps_of(values_, train_, windows_));
  scaled_.resize(values_.size());
  std::transform(values_.begin(), values_.end(), scaled_.begin(), [this](double x) { return scaler_.apply(x); });
}

WindowRange PreparedData::range(Split part) const {
  switch (part) {
    case Split::train: return train_;
    case Split::val: return val_;
    case Split::test: return test_;
  }
  return {};
}

void PreparedData::gather(std::span<const std::size_t> windows, float* x, float* y) const {
  const std::size_t batch = windows.size();
  const std::size_t look_back = static_cast<std::size_t>(windows_.look_back);
  const std::size_t horizon = static_cast<std::size_t>(windows_.horizon);
  for (std::size_t n = 0; n < batch; ++n) {
    if (windows[n] >= window_count_)
      throw Error("gather: window " + std::to_string(windows[n]) + " of " + std::to_string(window_count_));
    const float* window = scaled_.data() + window_start(windows[n]);
    for (std::size_t t = 0; t < look_back; ++t) x[t * batch + n] = window[t];
    std::copy_n(window + look_back, horizon, y + n * horizon);
  }
}

}  // namespace vmsweep::data
