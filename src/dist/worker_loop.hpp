#pragma once
#include "interrupt.hpp"
#include "trial_executor.hpp"
#include "worker_link.hpp"

namespace vmsweep::dist {

// A worker's life: take an assignment, run it (asking after each epoch whether to go on), say it is
// ready for the next one and write the finished trial's file while the next runs (trial_recorder),
// sending its result once the file is durable; until the coordinator says shutdown, which waits for
// the file being written. A signal that reaches this rank is passed on to the coordinator, which
// stops the whole sweep; so is an error that is not a trial's own (a file that cannot be written),
// naming the trial it cost.
void serve_trials(WorkerLink& link, TrialExecutor& executor, const InterruptWatch& interrupt);

}  // namespace vmsweep::dist
