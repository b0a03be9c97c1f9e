#pragma once
// Forecasts of several steps ahead scored one step at a time: how the error grows with the distance
// from the window's end. Entry i of a forecast is steps[i] (1..horizon) steps after its window.
#include <cstdint>
#include <span>
#include <vector>

#include "vmsweep/eval/metrics.hpp"

namespace vmsweep::eval {

// The horizon step of each entry of a window-major forecast ([n * horizon + k] is step k + 1).
std::vector<std::int32_t> window_major_steps(std::size_t entries, int horizon);

// Metrics of step 1, 2, ..., horizon; Error when a step has no entry or is outside 1..horizon.
std::vector<Metrics> score_by_step(std::span<const double> actual, std::span<const double> predicted,
                                   std::span<const std::int32_t> steps, int horizon);

}  // namespace vmsweep::eval
