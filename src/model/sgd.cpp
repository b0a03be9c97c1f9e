#include "sgd.hpp"

namespace vmsweep::model {

void Sgd::step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) {
  const auto rate = static_cast<float>(learning_rate);
  for (std::size_t i = 0; i < parameters.size(); ++i) parameters[i] -= rate * gradients[i];
}

}  // namespace vmsweep::model
