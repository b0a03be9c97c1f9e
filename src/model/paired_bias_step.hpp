#pragma once
// torch.nn.LSTM (and cuDNN) keep two bias vectors per gate, b_ih and b_hh, and only their sum acts.
// Both receive the same gradient, so their optimizer states are equal and each moves by the same
// step: the sum moves by twice the step of one vector. oneDNN holds one bias, so this decorator
// applies the wrapped optimizer's step to the LSTM biases twice, which trains exactly what the pair
// trains (up to rounding) without storing the second vector.
#include <memory>
#include <vector>

#include "optimizer.hpp"
#include "parameter_layout.hpp"

namespace vmsweep::model {

class PairedBiasStep final : public Optimizer {
public:
  PairedBiasStep(std::unique_ptr<Optimizer> inner, std::vector<TensorSlot> biases);
  void step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) override;

private:
  std::unique_ptr<Optimizer> inner_;
  std::vector<TensorSlot> biases_;
  std::vector<float> before_;  // the biases before the inner step
};

}  // namespace vmsweep::model
