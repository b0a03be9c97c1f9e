#include "vmsweep/model/loss.hpp"

#include <cmath>

namespace vmsweep::model {

PointLoss point_loss(LossKind kind, double delta, double residual) {
  if (kind == LossKind::mse) return {residual * residual, 2.0 * residual};
  const double magnitude = std::abs(residual);
  if (magnitude <= delta) return {0.5 * residual * residual, residual};
  return {delta * (magnitude - 0.5 * delta), std::copysign(delta, residual)};
}

double mean_loss(LossKind kind, double huber_delta, const float* prediction, const float* target, std::size_t count) {
  double total = 0.0;
  for (std::size_t i = 0; i < count; ++i)
    total += point_loss(kind, huber_delta, double{prediction[i]} - double{target[i]}).value;
  return count == 0 ? 0.0 : total / static_cast<double>(count);
}

double loss_and_gradient(LossKind kind, double huber_delta, const float* prediction, const float* target,
                         std::size_t count, float* gradient) {
  double total = 0.0;
  const double inverse_count = 1.0 / static_cast<double>(count);
  for (std::size_t i = 0; i < count; ++i) {
    const auto point = point_loss(kind, huber_delta, double{prediction[i]} - double{target[i]});
    total += point.value;
    gradient[i] = static_cast<float>(point.slope * inverse_count);
  }
  return total * inverse_count;
}

}  // namespace vmsweep::model
