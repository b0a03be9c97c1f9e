#pragma once
// Regression losses, averaged over every prediction (samples x horizon) as Keras does.
#include <cstddef>

#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

// Returns the mean loss and writes dLoss/dPrediction (the 1/count included) into gradient.
//   mse:   r^2                                  with r = prediction - target
//   huber: r^2/2 if |r| <= delta, else delta*(|r| - delta/2)
double loss_and_gradient(LossKind kind, double huber_delta, const float* prediction, const float* target,
                         std::size_t count, float* gradient);

}  // namespace vmsweep::model
