#include "adam.hpp"

#include <cmath>

namespace vmsweep::model {

Adam::Adam(double beta1, double beta2, double epsilon, std::size_t size)
    : beta1_(beta1), beta2_(beta2), epsilon_(epsilon), first_moment_(size, 0.0f), second_moment_(size, 0.0f) {}

void Adam::step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) {
  ++steps_;
  const double t = static_cast<double>(steps_);
  const auto step_size =
      static_cast<float>(learning_rate * std::sqrt(1.0 - std::pow(beta2_, t)) / (1.0 - std::pow(beta1_, t)));
  const auto b1 = static_cast<float>(beta1_), b2 = static_cast<float>(beta2_);
  const auto eps = static_cast<float>(epsilon_);
  float* __restrict p = parameters.data();
  const float* __restrict g = gradients.data();
  float* __restrict m = first_moment_.data();
  float* __restrict v = second_moment_.data();
  const std::size_t size = parameters.size();
  for (std::size_t i = 0; i < size; ++i) {  // one fused, vectorisable pass
    m[i] = b1 * m[i] + (1.0f - b1) * g[i];
    v[i] = b2 * v[i] + (1.0f - b2) * g[i] * g[i];
    p[i] -= step_size * m[i] / (std::sqrt(v[i]) + eps);
  }
}

}  // namespace vmsweep::model
