#pragma once
// A stacked LSTM regressor trained with oneDNN 2.6: LSTM layers (all but the last return the whole
// sequence, with inverted dropout between them), the last layer's final step feeding a dense head.
//
// Threading: the model uses exactly the OpenMP threads of the thread that calls it
// (omp_set_num_threads in the caller's thread); it never changes global thread settings. Its
// primitives run with a user-managed scratchpad owned by the model, so a model may be created in
// one thread and used in another, but never from two threads at once.
// Determinism: the same config, seed, inputs and OpenMP thread count give bitwise-identical results.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "vmsweep/common/tensor.hpp"

namespace vmsweep::model {

enum class LossKind { mse, huber };
enum class OptimizerKind { adam, sgd, adamw };  // adamw: Adam with decoupled weight decay
enum class InitScheme { keras, pytorch };
// single: one bias per gate (Keras); pair: b_ih + b_hh as torch.nn.LSTM, whose bias learns twice as fast.
enum class LstmBias { single, pair };
// Per-window normalisation of the inputs (reversible instance normalisation, model/window_norm.hpp):
// none, or location = the window's last value / its mean / its mean, scale = 1 / 1 / its std.
enum class WindowNorm { none, last, mean, std };
// level: the network predicts the target (around the window's location); delta: the change from
// the window's last value.
enum class TargetKind { level, delta };

struct ModelConfig {
  int input_channels = 1;
  std::vector<int> hidden{256, 128, 64};  // input side first; all but the last return sequences
  int horizon = 1;                        // outputs of the dense head
  int time_steps = 14;                    // T (look_back)
  int batch = 32;                         // N of a full batch; smaller batches are supported
  double dropout = 0.2;                   // inverted dropout between LSTM layers
  LossKind loss = LossKind::mse;
  double huber_delta = 1.0;
  OptimizerKind optimizer = OptimizerKind::adam;
  double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;  // Keras defaults
  double clip_norm = 0.0;                              // global-norm clipping; 0 = off
  double weight_decay = 0.0;                           // L2 (adam, sgd) or decoupled (adamw); 0 = off
  InitScheme init = InitScheme::keras;
  LstmBias lstm_bias = LstmBias::single;
  std::uint64_t seed = 0;                              // initialisation and dropout masks
  // The levers of model/window_norm.hpp; the defaults leave the network as it was, bit for bit.
  WindowNorm window_norm = WindowNorm::none;
  TargetKind target = TargetKind::level;
  int ar_highway = 0;  // K: a linear autoregression on the last K values of channel 0; 0 = off, <= time_steps
  // With ar_highway, the highway also reads the last step of every other input channel (the season
  // lags' value one lag before the target, history_freq's sub-step values).
  bool ar_highway_channels = false;

  friend bool operator==(const ModelConfig&, const ModelConfig&) = default;
};

// Throws InputError when a field is out of range (sizes < 1, dropout outside [0,1), ...).
void validate(const ModelConfig& config);

class LstmStack {
public:
  explicit LstmStack(const ModelConfig& config);
  // A trained model: `weights` (as weights() gives them) instead of a fresh initialisation;
  // InputError on a missing name or a wrong shape.
  LstmStack(const ModelConfig& config, const std::vector<NamedTensor>& weights);
  ~LstmStack();
  LstmStack(LstmStack&&) noexcept;
  LstmStack& operator=(LstmStack&&) noexcept;
  LstmStack(const LstmStack&) = delete;
  LstmStack& operator=(const LstmStack&) = delete;

  // Forward (dropout on) + loss + backward + optimizer step at learning_rate on n <= batch windows.
  // x is time-major T x n x C, y is n x horizon (scaled units). Returns the mean loss before the
  // update (per sample and output). With window_norm, target or ar_highway the loss is taken on
  // the de-normalised output (model/window_norm.hpp), so y stays in the series' scaled units.
  double train_step(const float* x, const float* y, int n, double learning_rate);

  // Forward without dropout for any n >= 1, in chunks of exactly `batch` windows (the last one
  // padded), so a window's output does not depend on n or on its place among the others;
  // x is T x n x C time-major, out receives n x horizon (de-normalised, the series' scaled units).
  void predict(const float* x, int n, float* out);

  // Plain layouts: "lstmK/weights_layer" [C,4,H] (ldigo), "lstmK/weights_iter" [H,4,H],
  // "lstmK/bias" [4,H], "head/weights" [H_last,horizon], "head/bias" [horizon]; with ar_highway K
  // also "highway/weights" [highway_inputs,horizon] (oldest lag first, then the other channels' last
  // step, model/highway_inputs.hpp) and "highway/bias" [horizon].
  std::vector<NamedTensor> weights() const;
  // Exact round trip of weights(); throws InputError on a missing name or a wrong shape.
  // The optimizer state is kept.
  void set_weights(const std::vector<NamedTensor>& weights);

  std::size_t parameter_count() const;
  const ModelConfig& config() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vmsweep::model
