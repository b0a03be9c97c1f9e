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
// Records a finished trial with the worker's rank and host, as options.trial_records says: <id>.h5
// in `trials_dir`, or a record in this process's log there. An empty writer with --no-trial-files.
TrialWriter trial_writer(const std::filesystem::path& trials_dir, WorkerIdentity identity, const RunOptions& options);

}  // namespace vmsweep::dist
