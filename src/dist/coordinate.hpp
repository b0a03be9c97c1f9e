#pragma once
// Rank 0's part of a sweep: the coordinator hands trials to its own trial thread and to the other
// ranks until the queue is done, or a signal on any rank or a worker's error stops it; a sweep that
// ran to its end is then aggregated (not a shard's part). Every worker is shut down before the
// result is known, so a failure is returned, not thrown past the other ranks.
#include "interrupt.hpp"
#include "mpi_comm.hpp"
#include "rank_result.hpp"
#include "sweep_preflight.hpp"
#include "trial_executor.hpp"
#include "vmsweep/dist/run_sweep.hpp"

namespace vmsweep::dist {

RankResult coordinate(const Communicator& world, const RunOptions& options, PreparedSweep& prepared,
                      TrialExecutor& executor, const InterruptWatch& interrupt);

}  // namespace vmsweep::dist
