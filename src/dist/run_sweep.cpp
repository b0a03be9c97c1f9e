#include "vmsweep/dist/run_sweep.hpp"

#include <exception>
#include <iostream>
#include <set>

#include "coordinator.hpp"
#include "fake_trial.hpp"
#include "local_worker.hpp"
#include "mpi_comm.hpp"
#include "sweep_preflight.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/dist/aggregate_sweep.hpp"
#include "vmsweep/dist/thread_choice.hpp"
#include "vmsweep/io/trial_store.hpp"
#include "vmsweep/train/run_trial.hpp"
#include "worker_loop.hpp"

namespace vmsweep::dist {

namespace {

constexpr int coordinator_rank = 0;

// What every rank needs to know before trials start, decided on rank 0.
struct SharedSetup {
  int status = exit_ok;      // exit_bad_input when rank 0's preflight failed
  std::string message;       // its error message
  std::string trials_dir;
};

struct RankResult {
  int exit_code = exit_ok;
  std::optional<std::string> input_error;  // rethrown as InputError on rank 0 after MPI is finalised
};

void share(const Communicator& world, SharedSetup& setup) {
  world.broadcast(setup.status, coordinator_rank);
  world.broadcast(setup.message, coordinator_rank);
  world.broadcast(setup.trials_dir, coordinator_rank);
}

TrialFunction trial_function(const RunOptions& options, const InterruptWatch& interrupt) {
  if (options.fake_trial_ms) return fake_trial(std::chrono::milliseconds(*options.fake_trial_ms), interrupt);
  return &train::run_trial;
}

WorkerIdentity identify(const Communicator& world, const RunOptions& options) {
  ThreadChoiceInputs inputs;
  inputs.requested = options.threads;
  inputs.slurm_cpus_per_task = slurm_cpus_per_task();
  inputs.node_cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  inputs.ranks_on_node = world.ranks_on_this_node();
  inputs.affinity_cpus = affinity_cpu_count();
  return {world.rank(), processor_name(), choose_threads(inputs).threads};
}

std::vector<std::string> distinct(std::vector<std::string> names) {
  std::set<std::string> seen;
  std::erase_if(names, [&](const std::string& name) { return !seen.insert(name).second; });
  return names;
}

std::vector<std::string> swept_names(const sweep::SweepSpec& spec) {
  std::vector<std::string> names;
  for (const auto& parameter : spec.parameters)
    if (parameter.distribution != sweep::Distribution::constant) names.push_back(parameter.name);
  return names;
}

int exit_code_of(const SweepTally& tally) {
  if (tally.interrupted) return exit_interrupted;
  return tally.failed > 0 ? exit_trials_failed : exit_ok;
}

int coordinate(const Communicator& world, const RunOptions& options, PreparedSweep& prepared,
               TrialExecutor& executor, const InterruptWatch& interrupt) {
  TrialQueue queue(prepared.spec, prepared.finished, options.shard);
  Progress progress({&std::cout, options.log_format, options.quiet, options.status_every_seconds, queue.total(),
                     queue.total() - queue.pending_count(), prepared.spec.metric, swept_names(prepared.spec)});
  progress.note("sweep " + prepared.spec.name + ": " + std::to_string(queue.total()) + " trials, " +
                std::to_string(queue.total() - queue.pending_count()) + " already finished, " +
                std::to_string(world.size()) + " ranks x " + std::to_string(executor.threads()) + " threads");
  LocalWorker local(executor);
  WorkerPool pool(world, local.to_worker(), local.from_worker());
  SweepTally tally = Coordinator(pool, queue, progress, interrupt, prepared.spec, prepared.epochs).run();
  local.join();
  progress.summary();
  if (auto reason = queue.stop_reason()) progress.note("stopped: " + *reason);
  if (options.aggregate && options.write_trials) {
    prepared.meta.finished = std::chrono::system_clock::now();
    AggregateReport report = aggregate_sweep(prepared.layout, prepared.meta);
    for (const std::string& problem : report.problems) progress.note(problem);
    progress.note("wrote " + prepared.layout.results_file().string() + " (" + std::to_string(report.trials) + " trials)");
  }
  if (tally.interrupted) progress.note("interrupted: rerun the same command to resume");
  return exit_code_of(tally);
}

RankResult run_rank(const Communicator& world, const RunOptions& options) {
  InterruptWatch interrupt;
  SharedSetup setup;
  std::optional<PreparedSweep> prepared;
  if (world.rank() == coordinator_rank) {
    try {
      prepared = prepare_sweep(options, world.size(), processor_name());
      setup.trials_dir = prepared->layout.trials_dir().string();
    } catch (const InputError& error) {
      setup = {exit_bad_input, error.what(), {}};
    }
  }
  share(world, setup);
  if (setup.status != exit_ok) {
    bool reporter = world.rank() == coordinator_rank;  // one message, not one per rank
    return {setup.status, reporter ? std::optional(setup.message) : std::nullopt};
  }

  WorkerIdentity identity = identify(world, options);
  std::vector<std::string> hosts = world.gather_hostnames(coordinator_rank);
  io::TrialStore store(setup.trials_dir);
  auto write = [&store, &identity, &options](const sweep::TrialSpec& trial, const TrialResult& result) {
    if (options.write_trials) store.write(result, std::to_string(trial.id), identity.rank, identity.host);
  };
  TrialExecutor executor(trial_function(options, interrupt), write, identity, interrupt);
  if (world.rank() != coordinator_rank) {
    MpiWorkerLink link(world);
    serve_trials(link, executor);
    return {};
  }
  prepared->meta.ranks = world.size();
  prepared->meta.hosts = distinct(hosts);
  return {coordinate(world, options, *prepared, executor, interrupt), std::nullopt};
}

// Runs this rank's part; an unexpected error aborts a multi-rank job (the other ranks would wait
// for this one forever) and is handed back in a one-rank run, to be rethrown after MPI_Finalize.
RankResult run_in_world(const RunOptions& options, std::exception_ptr& failure) {
  Communicator world = Communicator::duplicate_world();
  try {
    return run_rank(world, options);
  } catch (const std::exception& error) {
    if (world.size() == 1) {
      failure = std::current_exception();
      return {exit_failure, std::nullopt};
    }
    std::cerr << "vmsweep: error on rank " << world.rank() << ": " << error.what() << std::endl;
    world.abort(exit_failure);
  }
}

}  // namespace

int run_sweep(const RunOptions& options) {
  MpiRuntime mpi;
  std::exception_ptr failure;
  RankResult result = run_in_world(options, failure);
  mpi.finalize();
  if (failure) std::rethrow_exception(failure);
  if (result.input_error) throw InputError(*result.input_error);
  return result.exit_code;
}

}  // namespace vmsweep::dist
