#pragma once
// What a trial costs: the one cost model behind the coordinator's longest-first order, `vmsweep
// validate`'s estimate and the run's ETA. Counted in FLOPs of the LSTM stack, and turned into
// seconds by a calibration of this machine (train/calibrate.hpp): a fixed part per mini-batch
// (primitive launches, the optimizer, gathering the batch: what makes a small model slower than
// its FLOPs say) plus the FLOPs at a measured rate.
#include <cstddef>
#include <vector>

#include "vmsweep/train/settings.hpp"

namespace vmsweep::train {

// The windows an epoch reads, and the input channels of each step (1 + history_freq's sub-steps).
struct EpochWindows {
  std::size_t train = 0;
  std::size_t val = 0;
  int input_channels = 1;
};

// Forward and backward of the LSTM stack over the training windows, plus the validation forward:
// 4 gates x hidden x (input + hidden) multiply-adds per step and layer, 2 FLOPs each, backward
// about twice the forward. The dense head and data preparation are small beside it.
double flops_per_epoch(const TrainSettings& settings, const EpochWindows& windows);

// The mini-batches of an epoch: training steps and validation forward chunks of batch_size windows.
double batches_per_epoch(const TrainSettings& settings, const EpochWindows& windows);

// A trial's cost relative to others of the same sweep, when its data is not loaded (the
// coordinator orders trials without reading traces): every epoch over one one-channel window.
double relative_cost(const TrainSettings& settings);

// This machine's speed at a thread count: seconds = batches x seconds_per_batch + FLOPs / flops_per_second.
struct Calibration {
  double seconds_per_batch = 0;
  double flops_per_second = 0;
  int threads = 1;
};

// What trials cost before a calibration turns it into seconds; sums over trials add up.
struct TrialWork {
  double flops = 0;
  double batches = 0;
  TrialWork& operator+=(const TrialWork& other) {
    flops += other.flops, batches += other.batches;
    return *this;
  }
};

// Every epoch to the last: the most a trial does (early stopping and pruning end it sooner).
TrialWork trial_work(const TrainSettings& settings, const EpochWindows& windows);
double seconds_of(const TrialWork& work, const Calibration& calibration);
double seconds_per_epoch(const TrainSettings& settings, const EpochWindows& windows, const Calibration& calibration);
double trial_seconds(const TrainSettings& settings, const EpochWindows& windows, const Calibration& calibration);

// One timed training step: its FLOPs (forward and backward of one mini-batch) and its seconds.
struct StepTiming {
  double flops = 0;
  double seconds = 0;
};

// The line through the timings (least squares of seconds on FLOPs): its intercept is the fixed part
// per batch, its slope the rate. With one FLOP count, or a line that would give a negative part, the
// whole time is counted as FLOPs at the mean rate. InputError without a timing.
Calibration fit_calibration(const std::vector<StepTiming>& timings, int threads);

}  // namespace vmsweep::train
