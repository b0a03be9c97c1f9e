#pragma once
// Optimizers over the model's flat parameter buffer (see parameter_layout.hpp).
#include <cstddef>
#include <memory>
#include <span>

#include "parameter_layout.hpp"
#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

class Optimizer {
public:
  virtual ~Optimizer() = default;
  virtual void step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) = 0;
};

// The configured optimizer over `layout`'s flat buffer; with LstmBias::pair it steps the LSTM
// biases twice (paired_bias_step.hpp).
std::unique_ptr<Optimizer> make_optimizer(const ModelConfig& config, const ParameterLayout& layout);

}  // namespace vmsweep::model
