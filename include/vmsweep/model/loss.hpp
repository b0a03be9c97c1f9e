#pragma once
// The regression losses, defined once: the model minimises them and the trainer reports the
// validation loss with them. Averaged over every prediction (samples x horizon) as Keras does.
#include <cstddef>

#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

struct PointLoss {
  double value;
  double slope;  // d value / d residual
};

// The loss of one residual r = prediction - target:
//   mse:   r^2
//   huber: r^2/2 if |r| <= delta, else delta*(|r| - delta/2)
PointLoss point_loss(LossKind kind, double huber_delta, double residual);

// The mean loss over `count` predictions; 0 when there are none.
double mean_loss(LossKind kind, double huber_delta, const float* prediction, const float* target, std::size_t count);

// The mean loss, and dLoss/dPrediction (the 1/count included) written into gradient.
double loss_and_gradient(LossKind kind, double huber_delta, const float* prediction, const float* target,
                         std::size_t count, float* gradient);

}  // namespace vmsweep::model
