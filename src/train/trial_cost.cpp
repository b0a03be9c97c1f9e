#include "vmsweep/train/trial_cost.hpp"

namespace vmsweep::train {

double flops_per_epoch(const TrainSettings& settings, const EpochWindows& windows) {
  double step = 0.0, inputs = windows.input_channels;
  for (int hidden : settings.model.hidden) {
    step += 4.0 * hidden * (inputs + hidden) * 2.0;
    inputs = hidden;
  }
  const double sequence = step * settings.look_back;
  return sequence * (3.0 * static_cast<double>(windows.train) + static_cast<double>(windows.val));
}

double relative_cost(const TrainSettings& settings) {
  return flops_per_epoch(settings, EpochWindows{1, 0, 1}) * settings.epochs;
}

}  // namespace vmsweep::train
