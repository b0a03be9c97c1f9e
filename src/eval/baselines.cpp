#include "vmsweep/eval/baselines.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

namespace {

// Builds a forecast for every (window, k) of a split from `predict(target_step, window_last_step)`.
template <typename Predictor>
Forecast forecast_split(const data::PreparedData& data, data::Split part, Predictor predict) {
  const data::WindowRange range = data.range(part);
  const auto horizon = static_cast<std::size_t>(data.windows().horizon);
  const auto& values = data.values();
  Forecast forecast;
  forecast.actual.reserve(range.count * horizon);
  forecast.predicted.reserve(range.count * horizon);
  for (std::size_t w = range.first; w < range.end(); ++w) {
    const std::size_t first_target = data.target_step(w);
    for (std::size_t k = 0; k < horizon; ++k) {
      forecast.actual.push_back(values[first_target + k]);
      forecast.predicted.push_back(predict(first_target + k, first_target - 1));
    }
  }
  return forecast;
}

}  // namespace

Metrics Forecast::score() const { return eval::score(actual, predicted); }

std::vector<double> targets(const data::PreparedData& data, data::Split part) {
  return forecast_split(data, part, [](std::size_t, std::size_t) { return 0.0; }).actual;
}

Forecast persistence(const data::PreparedData& data, data::Split part) {
  const auto& values = data.values();
  return forecast_split(data, part, [&](std::size_t, std::size_t last) { return values[last]; });
}

Forecast seasonal_naive(const data::PreparedData& data, data::Split part, std::size_t season_steps) {
  if (season_steps == 0) throw Error("seasonal_naive: the season must be at least one step");
  const auto& values = data.values();
  return forecast_split(data, part, [&](std::size_t target, std::size_t last) {
    // The seasonal value must already be known when the window ends.
    std::size_t back = season_steps;
    while (target >= back && target - back > last) back += season_steps;
    return target >= back ? values[target - back] : values[last];
  });
}

}  // namespace vmsweep::eval
