#include "vmsweep/model/window_norm.hpp"

#include <cmath>
#include <cstddef>

namespace vmsweep::model {

namespace {

// Channel 0 of window n at step t.
float value_at(const ModelConfig& config, const float* x, int width, int n, int t) {
  return x[(static_cast<std::size_t>(t) * width + n) * config.input_channels];
}

double window_mean(const ModelConfig& config, const float* x, int width, int n) {
  double sum = 0.0;
  for (int t = 0; t < config.time_steps; ++t) sum += value_at(config, x, width, n, t);
  return sum / config.time_steps;
}

double window_variance(const ModelConfig& config, const float* x, int width, int n, double mean) {
  double sum = 0.0;
  for (int t = 0; t < config.time_steps; ++t) {
    const double deviation = value_at(config, x, width, n, t) - mean;
    sum += deviation * deviation;
  }
  return sum / config.time_steps;
}

WindowFrame normalisation(const ModelConfig& config, const float* x, int width, int n) {
  switch (config.window_norm) {
    case WindowNorm::none: return {};
    case WindowNorm::last: return {0.0f, value_at(config, x, width, n, config.time_steps - 1), 1.0f};
    case WindowNorm::mean: return {0.0f, static_cast<float>(window_mean(config, x, width, n)), 1.0f};
    case WindowNorm::std: break;
  }
  const double mean = window_mean(config, x, width, n);
  const double variance = window_variance(config, x, width, n, mean);
  return {0.0f, static_cast<float>(mean),
          static_cast<float>(std::sqrt(variance + window_norm_epsilon * window_norm_epsilon))};
}

}  // namespace

WindowFrame window_frame(const ModelConfig& config, const float* x, int width, int n) {
  WindowFrame frame = normalisation(config, x, width, n);
  frame.anchor = config.target == TargetKind::delta ? value_at(config, x, width, n, config.time_steps - 1)
                                                    : frame.location;
  return frame;
}

void normalise_window(const ModelConfig& config, WindowFrame frame, float* x, int width, int n) {
  const std::size_t channels = static_cast<std::size_t>(config.input_channels);
  for (int t = 0; t < config.time_steps; ++t) {
    float* step = x + (static_cast<std::size_t>(t) * width + n) * channels;
    for (std::size_t c = 0; c < channels; ++c) step[c] = (step[c] - frame.location) / frame.scale;
  }
}

}  // namespace vmsweep::model
