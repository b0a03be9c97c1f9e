#pragma once
// A trial that only sleeps (--fake-trial-ms): measures the scheduler without training noise.
#include <chrono>

#include "interrupt.hpp"
#include "trial_executor.hpp"

namespace vmsweep::dist {

// The fake returns status ok, one epoch and a val_mse derived from the parameters, so progress
// and "best so far" have something to show; it ends early (stopped) on an interrupt.
TrialFunction fake_trial(std::chrono::milliseconds duration, const InterruptWatch& interrupt);

}  // namespace vmsweep::dist
