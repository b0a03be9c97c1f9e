#include "vmsweep/dist/run_sweep.hpp"

#include <exception>
#include <iostream>
#include <set>

#include "coordinate.hpp"
#include "mpi_comm.hpp"
#include "mpi_worker_link.hpp"
#include "rank_result.hpp"
#include "rank_setup.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/trace_cache.hpp"
#include "worker_loop.hpp"
#include "worker_setup.hpp"

namespace vmsweep::dist {

namespace {

std::vector<std::string> distinct(std::vector<std::string> names) {
  std::set<std::string> seen;
  std::erase_if(names, [&](const std::string& name) { return !seen.insert(name).second; });
  return names;
}

// Rank 0 alone says why and carries the exit code, as at the end of a sweep. The other ranks exit 0:
// mpirun kills every rank once one exits non-zero, which could cut rank 0 off before it has printed.
RankResult refused(const Communicator& world, const RankSetup& setup) {
  if (world.rank() != coordinator_rank) return {};
  switch (setup.status) {
    case exit_bad_input: return {setup.status, std::make_exception_ptr(InputError(setup.message))};
    case exit_interrupted: std::cerr << "vmsweep: " << setup.message << std::endl; return {setup.status, nullptr};
    default: return {setup.status, std::make_exception_ptr(Error(setup.message))};
  }
}

RankResult serve_coordinator(const Communicator& world, TrialExecutor& executor, const InterruptWatch& interrupt) {
  MpiWorkerLink link(world);
  serve_trials(link, executor, interrupt);
  return {};
}

// One line a rank, at its end, for a sweep that loaded traces: what its trace cache saved.
void report_trace_cache(const Communicator& world, const RunOptions& options) {
  const data::TraceCacheStats stats = data::rank_trace_cache().stats();
  if (options.quiet || stats.parsed + stats.hits == 0) return;
  std::cerr << "vmsweep: rank " << world.rank() << ": data cache: " << data::describe(stats) << std::endl;
}

RankResult run_rank(const Communicator& world, const RunOptions& options) {
  InterruptWatch interrupt;
  std::optional<PreparedSweep> prepared;
  const RankSetup setup = agree_on_setup(world, options, interrupt, prepared);
  if (setup.status != exit_ok) return refused(world, setup);
  const WorkerIdentity identity = identify(world, options);
  const std::vector<std::string> hosts = world.gather_hostnames(coordinator_rank);
  TrialExecutor executor(trial_function(options, interrupt),
                         trial_writer(setup.trials_dir, identity, options), identity,
                         interrupt);
  RankResult result;
  if (world.rank() != coordinator_rank) {
    result = serve_coordinator(world, executor, interrupt);
  } else {
    prepared->meta.ranks = world.size();
    prepared->meta.hosts = distinct(hosts);
    result = coordinate(world, options, *prepared, executor, interrupt);
  }
  report_trace_cache(world, options);
  return result;
}

// Before MPI starts: a malformed VMSWEEP_DATA_CACHE_MB is bad input on every rank alike.
void set_trace_cache_budget(const RunOptions& options) {
  data::TraceCache& cache = data::rank_trace_cache();
  if (options.data_cache_mb) cache.set_budget(static_cast<std::size_t>(*options.data_cache_mb) << 20);
}

// Runs this rank's part. An error that escapes it (MPI, the protocol) leaves other ranks waiting for
// this one: it aborts a multi-rank job, and in a one-rank run is handed back like any failure.
RankResult run_in_world(const RunOptions& options) {
  Communicator world = Communicator::duplicate_world();
  try {
    return run_rank(world, options);
  } catch (const std::exception& error) {
    if (world.size() == 1) return {exit_failure, std::current_exception()};
    std::cerr << "vmsweep: error on rank " << world.rank() << ": " << error.what() << std::endl;
    world.abort(exit_failure);
  }
}

}  // namespace

int run_sweep(const RunOptions& options) {
  set_trace_cache_budget(options);
  MpiRuntime mpi;
  RankResult result = run_in_world(options);
  mpi.finalize();
  if (result.failure) std::rethrow_exception(result.failure);
  return result.exit_code;
}

}  // namespace vmsweep::dist
