#pragma once
#include "trial_executor.hpp"
#include "worker_link.hpp"

namespace vmsweep::dist {

// A worker's life: take an assignment, run it (asking after each epoch whether to go on), send
// the outcome, and again until the coordinator says shutdown.
void serve_trials(WorkerLink& link, TrialExecutor& executor);

}  // namespace vmsweep::dist
