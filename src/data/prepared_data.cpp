#include <algorithm>

#include "scaled_inputs.hpp"
#include "split.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"

namespace vmsweep::data {

namespace {

struct StepSpan {
  std::size_t first = 0, end = 0;
};

// Steps touched (inputs and targets) by the windows of `part`.
StepSpan steps_of(const PreparedData& data, WindowRange part) {
  return {data.window_start(part.first), data.target_step(part.end() - 1) + static_cast<std::size_t>(data.windows().horizon)};
}

// The values of `steps` in a row-major array of per_step values a step.
std::span<const double> rows_of(const std::vector<double>& values, StepSpan steps, std::size_t per_step) {
  return std::span<const double>(values).subspan(steps.first * per_step, (steps.end - steps.first) * per_step);
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
                           const WindowSpec& windows, const SplitSpec& split, ScaleKind scale, ScaleFit fit,
                           SubStepHistory history, std::vector<std::size_t> season_lags)
    : timestamps_ms_(std::move(timestamps_ms)),
      values_(std::move(values)),
      season_lags_(std::move(season_lags)),
      step_ms_(step_ms),
      windows_(windows) {
  const std::size_t needed = input_history(static_cast<std::size_t>(windows_.look_back), season_lags_);
  const WindowLayout layout = lay_out_windows(split, values_.size(), windows_, needed);
  first_target_ = layout.first_target;
  window_count_ = layout.window_count;
  train_ = layout.ranges.train;
  val_ = layout.ranges.val;
  test_ = layout.ranges.test;
  const StepSpan fit_steps = fit == ScaleFit::all ? StepSpan{0, values_.size()} : steps_of(*this, train_);
  scaler_ = Scaler::fit(scale, rows_of(values_, fit_steps, 1));
  scaled_.resize(values_.size());
  std::transform(values_.begin(), values_.end(), scaled_.begin(), [this](double x) { return scaler_.apply(x); });
  if (history.values.size() != values_.size() * history.per_step)
    throw Error("PreparedData: " + std::to_string(history.values.size()) + " sub-step values for " +
                std::to_string(values_.size()) + " steps of " + std::to_string(history.per_step));
  sub_steps_ = history.per_step;
  if (sub_steps_ > 0) history_scaler_ = Scaler::fit(scale, rows_of(history.values, fit_steps, sub_steps_));
  if (input_channels() > 1) inputs_ = input_rows(scaled_, {history.values, sub_steps_, history_scaler_}, season_lags_);
}

PreparedData PreparedData::with_parts(WindowRange train, WindowRange val) const {
  PreparedData fold = *this;
  fold.train_ = train;
  fold.val_ = val;
  return fold;
}

WindowRange PreparedData::range(Split part) const {
  switch (part) {
    case Split::train: return train_;
    case Split::val: return val_;
    case Split::test: return test_;
  }
  return {};
}

std::pair<std::size_t, std::size_t> PreparedData::target_period(Split part) const {
  const WindowRange windows = range(part);
  return {target_step(windows.first), target_step(windows.end() - 1) + static_cast<std::size_t>(windows_.horizon) - 1};
}

std::span<const float> PreparedData::inputs(std::size_t step) const {
  const std::size_t channels = static_cast<std::size_t>(input_channels());
  const std::vector<float>& rows = inputs_.empty() ? scaled_ : inputs_;
  return std::span<const float>(rows).subspan(step * channels, channels);
}

void PreparedData::gather(std::span<const std::size_t> windows, float* x, float* y) const {
  const std::size_t batch = windows.size();
  const std::size_t look_back = static_cast<std::size_t>(windows_.look_back);
  const std::size_t horizon = static_cast<std::size_t>(windows_.horizon);
  const std::size_t channels = static_cast<std::size_t>(input_channels());
  const float* rows = inputs_.empty() ? scaled_.data() : inputs_.data();
  for (std::size_t n = 0; n < batch; ++n) {
    if (windows[n] >= window_count_)
      throw Error("gather: window " + std::to_string(windows[n]) + " of " + std::to_string(window_count_));
    const std::size_t start = window_start(windows[n]);
    for (std::size_t t = 0; t < look_back; ++t)
      std::copy_n(rows + (start + t) * channels, channels, x + (t * batch + n) * channels);
    std::copy_n(scaled_.data() + start + look_back, horizon, y + n * horizon);
  }
}

}  // namespace vmsweep::data
