#pragma once
// The loop every per-step baseline shares: one forecast for each (window, horizon step) of a split.
#include <cstddef>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/baselines.hpp"

namespace vmsweep::eval {

// Calls `predict(target_step, window_last_step)` for every target of a split's windows, window-major,
// and pairs the result with the actual value there (original units).
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

}  // namespace vmsweep::eval
