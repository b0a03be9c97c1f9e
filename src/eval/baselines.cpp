#include "vmsweep/eval/baselines.hpp"

#include "forecast_split.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

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
