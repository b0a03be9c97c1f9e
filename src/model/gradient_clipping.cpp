#include "gradient_clipping.hpp"

#include <cmath>

namespace vmsweep::model {

double clip_by_global_norm(std::span<float> gradients, double max_norm) {
  double sum_of_squares = 0.0;
  for (const float g : gradients) sum_of_squares += double{g} * g;
  const double norm = std::sqrt(sum_of_squares);
  if (norm > max_norm) {
    const auto scale = static_cast<float>(max_norm / norm);
    for (auto& g : gradients) g *= scale;
  }
  return norm;
}

}  // namespace vmsweep::model
