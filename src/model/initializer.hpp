#pragma once
// Keras-compatible initialisers (tf.keras 2.x LSTM and Dense defaults) and PyTorch's (nn.LSTM,
// nn.Linear), drawn from our own Rng so a seed gives the same weights everywhere.
#include <span>

#include "vmsweep/common/rng.hpp"

namespace vmsweep::model {

// Uniform in [-limit, limit] with limit = sqrt(6 / (fan_in + fan_out)).
void glorot_uniform(std::span<float> values, int fan_in, int fan_out, Rng& rng);

// A rows x cols matrix (rows <= cols) with orthonormal rows: Keras' Orthogonal for the recurrent
// kernel [H, 4H]. Gram-Schmidt on normal draws, which equals QR with a positive diagonal.
void orthogonal_rows(std::span<float> values, int rows, int cols, Rng& rng);

// Zero bias, except the forget gate (gate 1 of i, f, c~, o) which gets 1 (unit_forget_bias).
void lstm_bias(std::span<float> values, int hidden);

// Uniform in [-limit, limit]: PyTorch's default for LSTM weights (limit 1/sqrt(hidden)) and for
// Linear weights and bias (limit 1/sqrt(fan_in)).
void uniform(std::span<float> values, double limit, Rng& rng);

// PyTorch's LSTM bias: b_ih + b_hh, each uniform in [-limit, limit]. oneDNN keeps one bias vector, so
// both are drawn and summed, which gives the same distribution as PyTorch's two.
void summed_uniform_bias(std::span<float> values, double limit, Rng& rng);

}  // namespace vmsweep::model
