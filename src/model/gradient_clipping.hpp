#pragma once
// Clipping by global norm (Keras' global_clipnorm): when ||g||_2 over all parameters exceeds
// max_norm, every gradient is scaled by max_norm / ||g||.
#include <span>

namespace vmsweep::model {

// Returns the norm before clipping.
double clip_by_global_norm(std::span<float> gradients, double max_norm);

}  // namespace vmsweep::model
