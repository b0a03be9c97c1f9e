#include "optimizer.hpp"

#include "adam.hpp"
#include "model_parameters.hpp"
#include "paired_bias_step.hpp"
#include "sgd.hpp"
#include "weight_decay.hpp"

namespace vmsweep::model {

namespace {

std::unique_ptr<Optimizer> make_plain_optimizer(const ModelConfig& config, std::size_t size) {
  if (config.optimizer == OptimizerKind::sgd) return std::make_unique<Sgd>();
  return std::make_unique<Adam>(config.beta1, config.beta2, config.epsilon, size);
}

std::unique_ptr<Optimizer> with_weight_decay(std::unique_ptr<Optimizer> optimizer, const ModelConfig& config) {
  if (config.weight_decay == 0.0) return optimizer;
  const auto kind = config.optimizer == OptimizerKind::adamw ? WeightDecay::Kind::decoupled : WeightDecay::Kind::coupled;
  return std::make_unique<WeightDecay>(std::move(optimizer), config.weight_decay, kind);
}

std::vector<TensorSlot> lstm_biases(const ModelConfig& config, const ParameterLayout& layout) {
  std::vector<TensorSlot> biases;
  for (std::size_t k = 0; k < config.hidden.size(); ++k) biases.push_back(layout.find(lstm_tensor_name(k, "bias")));
  return biases;
}

}  // namespace

std::unique_ptr<Optimizer> make_optimizer(const ModelConfig& config, const ParameterLayout& layout) {
  auto optimizer = with_weight_decay(make_plain_optimizer(config, layout.flat_size()), config);
  if (config.lstm_bias == LstmBias::single) return optimizer;
  return std::make_unique<PairedBiasStep>(std::move(optimizer), lstm_biases(config, layout));
}

}  // namespace vmsweep::model
