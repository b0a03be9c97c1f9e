#pragma once
// What a trial costs, counted in FLOPs of its LSTM stack: the one cost model behind the
// coordinator's longest-first order and `vmsweep validate`'s estimate.
#include <cstddef>

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

// A trial's cost relative to others of the same sweep, when its data is not loaded (the
// coordinator orders trials without reading traces): every epoch over one one-channel window.
double relative_cost(const TrainSettings& settings);

}  // namespace vmsweep::train
