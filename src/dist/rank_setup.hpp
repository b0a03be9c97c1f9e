#pragma once
// What every rank needs before trials start, decided on rank 0 by its preflight and broadcast: go on
// (and where trial files go), or stop on every rank with rank 0's exit code: bad input (2), a signal
// during the preflight (4), an error writing the results folder (1). No rank is left waiting, so no
// MPI_Abort.
#include <optional>
#include <string>

#include "interrupt.hpp"
#include "mpi_comm.hpp"
#include "sweep_preflight.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/dist/run_sweep.hpp"

namespace vmsweep::dist {

struct RankSetup {
  int status = exit_ok;
  std::string message;  // why not, for rank 0 to say
  std::string trials_dir;
};

// Called on every rank; fills `prepared` on rank 0. Workers leave the preflight's "exit at once"
// signal mode at once: a signal reaching them is passed on to the coordinator when trials start.
RankSetup agree_on_setup(const Communicator& world, const RunOptions& options, InterruptWatch& interrupt,
                         std::optional<PreparedSweep>& prepared);

}  // namespace vmsweep::dist
