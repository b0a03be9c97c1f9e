#pragma once
// Optimizers over the model's flat parameter buffer (see parameter_layout.hpp).
#include <cstddef>
#include <memory>
#include <span>

#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

class Optimizer {
public:
  virtual ~Optimizer() = default;
  virtual void step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) = 0;
};

std::unique_ptr<Optimizer> make_optimizer(const ModelConfig& config, std::size_t size);

}  // namespace vmsweep::model
