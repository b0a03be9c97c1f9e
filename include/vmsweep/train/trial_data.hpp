#pragma once
// The data one trial trains on, prepared as run_trial prepares it and checked as run_trial checks it
// before training: `vmsweep validate` and the preflight of `vmsweep run` call this too, so a data
// setting a trial would fail on is refused before anything is written.
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::train {

// Loads, cleans, resamples, splits, scales and windows the trace of `settings`, and refuses what
// training would refuse (refit without a validation part of its own; val_folds with too few
// windows). InputError naming the problem. Runs in the caller's TBB arena.
data::PreparedData prepare_trial_data(const TrainSettings& settings);

}  // namespace vmsweep::train
