#pragma once
// How a rank trains and records its trials: who it is (rank, host, thread budget), what trains a
// trial (train::run_trial, or the --fake-trial-ms sleep) and what writes its trial file.
#include "interrupt.hpp"
#include "mpi_comm.hpp"
#include "trial_executor.hpp"
#include "vmsweep/dist/run_sweep.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::dist {

WorkerIdentity identify(const Communicator& world, const RunOptions& options);
TrialFunction trial_function(const RunOptions& options, const InterruptWatch& interrupt);
// Writes <id>.h5 into `store` with the worker's rank and host; an empty writer with --no-trial-files.
TrialWriter trial_writer(io::TrialStore store, WorkerIdentity identity, bool write_trials);

}  // namespace vmsweep::dist
