#pragma once
// Weight decay around any optimizer, on every parameter, as torch.optim does:
//   coupled (adam, sgd: torch's Adam and SGD weight_decay):  g <- g + wd p, then the inner step
//   decoupled (adamw, Loshchilov & Hutter 2019; torch's AdamW): p <- p (1 - lr wd), then the inner step
// With lstm_bias: pair the LSTM biases take the (coupled) decay twice, as they take their gradient.
#include <memory>
#include <vector>

#include "optimizer.hpp"

namespace vmsweep::model {

class WeightDecay final : public Optimizer {
public:
  enum class Kind { coupled, decoupled };
  WeightDecay(std::unique_ptr<Optimizer> inner, double weight_decay, Kind kind);
  void step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) override;

private:
  std::unique_ptr<Optimizer> inner_;
  float weight_decay_;
  Kind kind_;
  std::vector<float> decayed_gradients_;
};

}  // namespace vmsweep::model
