#pragma once
// Honest reference forecasts for the windows of one split. Each forecast is laid out like the
// trainer's targets, window-major: [n * horizon + k] for the k-th step after window n.
#include <cstddef>
#include <vector>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/metrics.hpp"

namespace vmsweep::eval {

struct Forecast {
  std::vector<double> actual;     // original units
  std::vector<double> predicted;

  Metrics score() const;
};

// The actual target values of a split's windows (original units).
std::vector<double> targets(const data::PreparedData& data, data::Split part);

// Persistence: every step of the horizon is predicted as the window's last value.
Forecast persistence(const data::PreparedData& data, data::Split part);

// Seasonal naive: the value one season (season_steps) before each target step, or whole seasons
// further back when the horizon reaches past the window's end; where that falls before the series
// starts, the window's last value is used instead.
Forecast seasonal_naive(const data::PreparedData& data, data::Split part, std::size_t season_steps);

}  // namespace vmsweep::eval
