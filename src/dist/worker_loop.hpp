#pragma once
#include "interrupt.hpp"
#include "trial_executor.hpp"
#include "worker_link.hpp"

namespace vmsweep::dist {

// A worker's life: take an assignment, run it (asking after each epoch whether to go on), send the
// outcome, and again until the coordinator says shutdown. A signal that reaches this rank is passed
// on to the coordinator, which stops the whole sweep; so is an error that is not the trial's own
// (its file cannot be written), in place of the outcome.
void serve_trials(WorkerLink& link, TrialExecutor& executor, const InterruptWatch& interrupt);

}  // namespace vmsweep::dist
