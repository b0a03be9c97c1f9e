#pragma once
// The model's input rows: for every step, the scaled series value, its per_step sub-step values scaled
// by their own scaler (history_freq), then the scaled series one season lag back (season_lags). The
// trials' windows and a forecast's last window are built by this one function, so both see bitwise
// the same inputs.
#include <cstddef>
#include <span>
#include <vector>

#include "vmsweep/data/scaler.hpp"

namespace vmsweep::data {

// Sub-step values of every step, in original units, and their scaler.
struct SubStepInputs {
  std::span<const double> values;  // per_step a step, row-major
  std::size_t per_step = 0;
  const Scaler& scaler;
};

// Steps x (1 + per_step + lags), row-major. Lag channel j of step u is scaled[u + 1 - lags[j]]: at the
// window's last input step (the one before the target) the value lags[j] steps before the target.
// Steps whose lag reaches before the series hold NaN; no window reads them (input_history()).
std::vector<float> input_rows(std::span<const float> scaled, const SubStepInputs& sub, std::span<const std::size_t> lags);

// Steps a window needs before its target: the look-back, and the reach of its longest lag.
std::size_t input_history(std::size_t look_back, std::span<const std::size_t> lags);

}  // namespace vmsweep::data
