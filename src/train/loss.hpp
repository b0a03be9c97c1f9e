#pragma once
// The training loss evaluated outside the model, for the validation loss each epoch: the same
// definition the model minimises (mean over samples and outputs, in scaled units).
#include <span>

#include "vmsweep/train/settings.hpp"

namespace vmsweep::train {

// MSE, or Huber (Keras: 0.5 e^2 within delta, delta (|e| - delta/2) beyond) when settings.loss says so.
double mean_loss(std::span<const float> predicted, std::span<const float> target, const TrainSettings& settings);

}  // namespace vmsweep::train
