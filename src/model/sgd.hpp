#pragma once
// Plain stochastic gradient descent: p -= lr g.
#include "optimizer.hpp"

namespace vmsweep::model {

class Sgd final : public Optimizer {
public:
  void step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) override;
};

}  // namespace vmsweep::model
