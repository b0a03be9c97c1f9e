#include "optimizer.hpp"

#include "adam.hpp"
#include "sgd.hpp"

namespace vmsweep::model {

std::unique_ptr<Optimizer> make_optimizer(const ModelConfig& config, std::size_t size) {
  if (config.optimizer == OptimizerKind::sgd) return std::make_unique<Sgd>();
  return std::make_unique<Adam>(config.beta1, config.beta2, config.epsilon, size);
}

}  // namespace vmsweep::model
