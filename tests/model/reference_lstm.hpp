#pragma once
// An independent double-precision stacked LSTM + dense head + MSE, written from the equations
// (gate order i, f, c~, o; h0 = c0 = 0), for finite-difference gradient checks. It shares no
// code with the model.
#include <cmath>
#include <cstddef>
#include <vector>

namespace vmsweep::model::testing {

// The issue-13 levers as docs/levers.md defines them: norm 0 none, 1 last, 2 mean, 3 std (scale
// sqrt(population variance + eps^2)); delta: the output is added to the last value, else to the
// location; highway K > 0: a linear term on the raw last K values of channel 0 (and with
// highway_channels on the last step of every other channel).
struct ReferenceLevers {
  int norm = 0;
  bool delta = false;
  int highway = 0;
  double eps = 1e-2;
  bool highway_channels = false;
};

struct ReferenceShape {
  int time_steps, batch, inputs, horizon;
  std::vector<int> hidden;
  ReferenceLevers levers{};
};

// Parameters in the model's plain layouts, concatenated in weights() order:
// per layer weights_layer [I,4,H], weights_iter [H,4,H], bias [4,H]; then head [H,horizon], [horizon];
// with a highway its weights [K (+ inputs - 1 with highway_channels),horizon] and bias [horizon].
class ReferenceLstm {
public:
  explicit ReferenceLstm(ReferenceShape shape) : shape_(std::move(shape)) {}

  // Mean squared error of the head's outputs against target (n x horizon), with x T x N x I
  // time-major and masks[k] (T x N x H_k) multiplied into the output of layer k.
  double loss(const std::vector<double>& params, const std::vector<double>& x, const std::vector<double>& target,
              const std::vector<std::vector<double>>& masks) const {
    std::size_t offset = 0;
    const std::vector<Frame> frames = window_frames(x);
    std::vector<double> sequence = normalised(x, frames);
    int inputs = shape_.inputs;
    for (std::size_t k = 0; k < shape_.hidden.size(); ++k) {
      sequence = layer(params, offset, sequence, inputs, shape_.hidden[k]);
      if (k + 1 < shape_.hidden.size())
        for (std::size_t i = 0; i < sequence.size(); ++i) sequence[i] *= masks[k][i];
      inputs = shape_.hidden[k];
    }
    return head_mse(params, offset, sequence, inputs, target, frames, x);
  }

private:
  struct Frame {
    double anchor, location, scale;
  };

  std::vector<Frame> window_frames(const std::vector<double>& x) const {
    const int T = shape_.time_steps, N = shape_.batch, C = shape_.inputs;
    std::vector<Frame> frames;
    for (int n = 0; n < N; ++n) {
      std::vector<double> v;
      for (int t = 0; t < T; ++t) v.push_back(x[(t * N + n) * C]);
      double mean = 0.0, variance = 0.0;
      for (double value : v) mean += value / T;
      for (double value : v) variance += (value - mean) * (value - mean) / T;
      const int norm = shape_.levers.norm;
      const double location = norm == 0 ? 0.0 : norm == 1 ? v.back() : mean;
      const double scale = norm == 3 ? std::sqrt(variance + shape_.levers.eps * shape_.levers.eps) : 1.0;
      frames.push_back({shape_.levers.delta ? v.back() : location, location, scale});
    }
    return frames;
  }

  std::vector<double> normalised(std::vector<double> x, const std::vector<Frame>& frames) const {
    const int N = shape_.batch, C = shape_.inputs;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const Frame& frame = frames[(i / C) % N];
      x[i] = (x[i] - frame.location) / frame.scale;
    }
    return x;
  }
  static double sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }

  std::vector<double> layer(const std::vector<double>& p, std::size_t& offset, const std::vector<double>& x,
                            int inputs, int hidden) const {
    const double* w_layer = p.data() + offset;
    const double* w_iter = w_layer + inputs * 4 * hidden;
    const double* bias = w_iter + hidden * 4 * hidden;
    offset += static_cast<std::size_t>(inputs + hidden + 1) * 4 * hidden;
    const int T = shape_.time_steps, N = shape_.batch;
    std::vector<double> h_all(static_cast<std::size_t>(T) * N * hidden), h(N * hidden, 0.0), c(N * hidden, 0.0);
    for (int t = 0; t < T; ++t) {
      std::vector<double> gates(static_cast<std::size_t>(N) * 4 * hidden);
      for (int n = 0; n < N; ++n)
        for (int g = 0; g < 4 * hidden; ++g) {
          double sum = bias[g];
          for (int i = 0; i < inputs; ++i) sum += x[(t * N + n) * inputs + i] * w_layer[i * 4 * hidden + g];
          for (int j = 0; j < hidden; ++j) sum += h[n * hidden + j] * w_iter[j * 4 * hidden + g];
          gates[n * 4 * hidden + g] = sum;
        }
      for (int n = 0; n < N; ++n)
        for (int o = 0; o < hidden; ++o) {
          const double* gate = gates.data() + n * 4 * hidden;
          const double in = sigmoid(gate[o]), forget = sigmoid(gate[hidden + o]);
          const double candidate = std::tanh(gate[2 * hidden + o]), out = sigmoid(gate[3 * hidden + o]);
          double& cell = c[n * hidden + o];
          cell = forget * cell + in * candidate;
          h[n * hidden + o] = out * std::tanh(cell);
          h_all[(t * N + n) * hidden + o] = h[n * hidden + o];
        }
    }
    return h_all;
  }

  double head_mse(const std::vector<double>& p, std::size_t offset, const std::vector<double>& sequence, int inputs,
                  const std::vector<double>& target, const std::vector<Frame>& frames, const std::vector<double>& x) const {
    const int N = shape_.batch, horizon = shape_.horizon, K = shape_.levers.highway, T = shape_.time_steps;
    const double* weights = p.data() + offset;
    const double* bias = weights + inputs * horizon;
    const double* highway_weights = bias + horizon;
    const int extra = K > 0 && shape_.levers.highway_channels ? shape_.inputs - 1 : 0;
    const double* highway_bias = highway_weights + (K + extra) * horizon;
    const double* last = sequence.data() + static_cast<std::size_t>(shape_.time_steps - 1) * N * inputs;
    double total = 0.0;
    for (int n = 0; n < N; ++n)
      for (int o = 0; o < horizon; ++o) {
        double y = bias[o];
        for (int j = 0; j < inputs; ++j) y += last[n * inputs + j] * weights[j * horizon + o];
        y = frames[n].anchor + frames[n].scale * y;
        if (K > 0) y += highway_bias[o];
        for (int j = 0; j < K; ++j) y += x[((T - K + j) * N + n) * shape_.inputs] * highway_weights[j * horizon + o];
        for (int c = 1; c <= extra; ++c)
          y += x[((T - 1) * N + n) * shape_.inputs + c] * highway_weights[(K + c - 1) * horizon + o];
        total += (y - target[n * horizon + o]) * (y - target[n * horizon + o]);
      }
    return total / (N * horizon);
  }

  ReferenceShape shape_;
};

}  // namespace vmsweep::model::testing
