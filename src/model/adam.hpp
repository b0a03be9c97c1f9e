#pragma once
// Adam as in tf.keras 2.x: with t the step count,
//   m = b1 m + (1-b1) g,   v = b2 v + (1-b2) g^2
//   p -= lr_t m / (sqrt(v) + eps),   lr_t = lr sqrt(1-b2^t) / (1-b1^t)
// (the bias correction folded into the step size; eps is not rescaled, as in TF's ApplyAdam).
#include <cstdint>
#include <vector>

#include "optimizer.hpp"

namespace vmsweep::model {

class Adam final : public Optimizer {
public:
  Adam(double beta1, double beta2, double epsilon, std::size_t size);
  void step(std::span<float> parameters, std::span<const float> gradients, double learning_rate) override;

private:
  double beta1_, beta2_, epsilon_;
  std::int64_t steps_ = 0;
  std::vector<float> first_moment_;
  std::vector<float> second_moment_;
};

}  // namespace vmsweep::model
