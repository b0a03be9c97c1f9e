#pragma once
// What ar_highway's linear term reads from a window (docs/levers.md): the raw (scaled, not
// window-normalised) last K values of the value channel, oldest first, then, with
// ar_highway_channels, the last step of every other input channel. A season lag's channel carries at
// its last step the value one lag before the target, the value a seasonal linear model wants; the
// network and the highway's ridge start read the same inputs through this one function.
#include <cstddef>

#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

// The number of inputs of the highway; 0 when ar_highway is off.
inline std::size_t highway_input_count(const ModelConfig& config) {
  if (config.ar_highway <= 0) return 0;
  return static_cast<std::size_t>(config.ar_highway) +
         (config.ar_highway_channels ? static_cast<std::size_t>(config.input_channels - 1) : 0);
}

// The highway inputs of window n of a time-major batch x [time_steps x width x input_channels] into
// out[0 .. highway_input_count).
inline void highway_inputs(const ModelConfig& config, const float* x, int width, int n, float* out) {
  const std::size_t lags = static_cast<std::size_t>(config.ar_highway), channels = config.input_channels;
  const std::size_t steps = static_cast<std::size_t>(config.time_steps), first_lag = steps - lags;
  const auto at = [&](std::size_t t, std::size_t c) { return x[(t * static_cast<std::size_t>(width) + n) * channels + c]; };
  for (std::size_t j = 0; j < lags; ++j) out[j] = at(first_lag + j, 0);
  if (!config.ar_highway_channels) return;
  for (std::size_t c = 1; c < channels; ++c) out[lags + c - 1] = at(steps - 1, c);
}

}  // namespace vmsweep::model
