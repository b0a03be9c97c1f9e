#pragma once
// The frame a window's prediction is made in (issue 13's level-free inputs): reversible instance
// normalisation (RevIN, ICLR 2022) and the delta target. Each window is normalised by statistics of
// its own value channel (channel 0) before the LSTM, and the head's output is mapped back with them:
//   y = anchor + scale * head(lstm((x - location) / scale))   (+ the ar_highway's linear term)
// window_norm  location          scale
//   none       0                 1
//   last       the last value    1
//   mean       the mean          1
//   std        the mean          sqrt(variance + eps^2), eps = window_norm_epsilon
// anchor: the window's last value with target delta, else the location. The variance is the
// population one over the window's time_steps values; eps keeps a flat window from being blown up
// by a near-zero scale. Every input channel is normalised with channel 0's statistics: the extra
// channels (sub-step history, seasonal lags) carry the same series, so they share its level.
// Nothing here is trained: the backward pass only multiplies dLoss/dy by the scale.
#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

// In scaled units (minmax: 1e-2 of the training range; zscore: of its standard deviation).
inline constexpr double window_norm_epsilon = 1e-2;

struct WindowFrame {
  float anchor = 0.0f;
  float location = 0.0f;
  float scale = 1.0f;
};

// The frame of window n of a time-major batch x [time_steps x width x input_channels].
WindowFrame window_frame(const ModelConfig& config, const float* x, int width, int n);

// (x - location) / scale on every step and channel of window n, in place.
void normalise_window(const ModelConfig& config, WindowFrame frame, float* x, int width, int n);

// anchor + scale * output: a head output in the units of the series (scaled units).
inline float denormalise(WindowFrame frame, float output) { return frame.anchor + frame.scale * output; }

// Whether any lever is on: the network then frames its windows (else it runs exactly as without them).
inline bool frames_windows(const ModelConfig& config) {
  return config.window_norm != WindowNorm::none || config.target != TargetKind::level || config.ar_highway > 0;
}

}  // namespace vmsweep::model
