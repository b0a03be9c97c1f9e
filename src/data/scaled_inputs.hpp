#pragma once
// The model's input rows: for every step, the scaled series value followed by its per_step sub-step
// values scaled by their own scaler (history_freq). The trials' windows and a forecast's last window
// are built by this one function, so both see bitwise the same inputs.
#include <cstddef>
#include <span>
#include <vector>

#include "vmsweep/data/scaler.hpp"

namespace vmsweep::data {

// Steps x (1 + per_step), row-major; `sub` holds per_step values a step, in original units.
std::vector<float> interleave(std::span<const float> scaled, std::span<const double> sub, std::size_t per_step,
                              const Scaler& sub_scaler);

}  // namespace vmsweep::data
