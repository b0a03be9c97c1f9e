#include "loss.hpp"

#include <cmath>
#include <cstddef>

namespace vmsweep::train {

namespace {
double huber(double error, double delta) {
  double magnitude = std::fabs(error);
  return magnitude <= delta ? 0.5 * error * error : delta * (magnitude - 0.5 * delta);
}
}  // namespace

double mean_loss(std::span<const float> predicted, std::span<const float> target, const TrainSettings& settings) {
  const bool use_huber = settings.loss == "huber";
  double sum = 0.0;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    double error = static_cast<double>(predicted[i]) - static_cast<double>(target[i]);
    sum += use_huber ? huber(error, settings.huber_delta) : error * error;
  }
  return predicted.empty() ? 0.0 : sum / static_cast<double>(predicted.size());
}

}  // namespace vmsweep::train
