#include "weight_decay.hpp"

namespace vmsweep::model {

WeightDecay::WeightDecay(std::unique_ptr<Optimizer> inner, double weight_decay, Kind kind)
    : inner_(std::move(inner)), weight_decay_(static_cast<float>(weight_decay)), kind_(kind) {}

void WeightDecay::step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) {
  if (kind_ == Kind::decoupled) {
    const float keep = 1.0f - static_cast<float>(learning_rate) * weight_decay_;
    for (float& parameter : parameters) parameter *= keep;
    inner_->step(parameters, gradients, learning_rate);
    return;
  }
  decayed_gradients_.resize(gradients.size());
  for (std::size_t i = 0; i < gradients.size(); ++i) decayed_gradients_[i] = gradients[i] + weight_decay_ * parameters[i];
  inner_->step(parameters, decayed_gradients_, learning_rate);
}

}  // namespace vmsweep::model
