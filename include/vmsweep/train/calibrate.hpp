#pragma once
// A short measurement of this machine for the cost model of train/trial_cost.hpp: training steps
// of a sweep's models on synthetic windows, timed, and the cost line fitted through them.
// `vmsweep validate` and the run (for its ETA) calibrate on the sweep's smallest and largest model.
#include <vector>

#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/trial_cost.hpp"

namespace vmsweep::train {

struct CalibrationModel {
  TrainSettings settings;
  int input_channels = 1;
};

// Seconds of training steps timed per model: two models stay under 2 s with their first steps (JIT).
inline constexpr double kCalibrationSecondsEach = 0.25;

// Runs in the calling thread with exactly `threads` threads. A model's first step is not timed (JIT
// and first touch); then its steps run until `seconds_each` has passed, at least three, and the
// median step is its timing.
Calibration calibrate(const std::vector<CalibrationModel>& models, int threads, double seconds_each);

}  // namespace vmsweep::train
