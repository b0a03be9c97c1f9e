#pragma once
// One trial = one training run: parameters in, TrialResult out. The one place where exceptions
// become trial states (for `vmsweep run` and `vmsweep train` alike): bad parameters or data ->
// failed with the reason; NaN/inf loss -> diverged; the epoch callback returning false -> stopped.
#include <functional>

#include "vmsweep/common/value.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::train {

// Called after every epoch, in the trial's thread; return false to stop the trial (status stopped,
// e.g. a pruner's decision). An exception thrown here is the caller's, not the trial's: it passes
// on out of run_trial.
using EpochCallback = std::function<bool(const EpochRecord&)>;

// Runs one trial in the calling thread with exactly `threads` threads (OpenMP for oneDNN, a TBB
// arena for data preparation). Several may run at once in one process, one per std::thread.
// The same parameters, seed and thread count give bitwise-identical curves and predictions.
// The result keeps the trained model (TrialResult::model) unless the trial failed or diverged.
TrialResult run_trial(const Value& params, int threads, EpochCallback on_epoch = {});

}  // namespace vmsweep::train
