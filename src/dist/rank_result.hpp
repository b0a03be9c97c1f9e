#pragma once
// How one rank's part of a sweep ended. An error known once no other rank waits for this one (a
// refusal every rank agreed on, a full disk at the aggregate after every worker was shut down) is
// carried here and rethrown on rank 0 after MPI_Finalize, so the job ends with its message and exit
// code instead of MPI_Abort.
#include <exception>

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

struct RankResult {
  int exit_code = exit_ok;
  std::exception_ptr failure;  // rethrown by run_sweep; null on every rank but 0
};

}  // namespace vmsweep::dist
