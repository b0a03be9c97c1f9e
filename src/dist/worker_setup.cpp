#include "worker_setup.hpp"

#include <unistd.h>

#include <algorithm>
#include <memory>
#include <thread>

#include "fake_trial.hpp"
#include "vmsweep/dist/thread_choice.hpp"
#include "vmsweep/io/trial_log.hpp"
#include "vmsweep/train/run_trial.hpp"
#include "vmsweep/train/wait_policy.hpp"

namespace vmsweep::dist {

WorkerIdentity identify(const Communicator& world, const RunOptions& options) {
  ThreadChoiceInputs inputs;
  inputs.requested = options.threads;
  inputs.slurm_cpus_per_task = slurm_cpus_per_task();
  inputs.node_cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  inputs.ranks_on_node = world.ranks_on_this_node();
  inputs.affinity_cpus = affinity_cpu_count();
  inputs.load_average = load_average();
  const ThreadChoice choice = choose_threads(inputs);
  return {world.rank(), processor_name(), choice.threads, choice.reason + "; " + train::wait_policy_text()};
}

TrialFunction trial_function(const RunOptions& options, const InterruptWatch& interrupt) {
  if (options.fake_trial_ms) return fake_trial(std::chrono::milliseconds(*options.fake_trial_ms), interrupt);
  return &train::run_trial;
}

TrialWriter trial_writer(const std::filesystem::path& trials_dir, WorkerIdentity identity, const RunOptions& options) {
  if (!options.write_trials) return {};
  if (options.trial_records == TrialRecords::files) {
    return [store = io::TrialStore(trials_dir), identity = std::move(identity)](const sweep::TrialSpec& trial,
                                                                              const TrialResult& result) {
      store.write(result, std::to_string(trial.id), identity.rank, identity.host);
    };
  }
  // Rank, host and process: unique among the writers of every run and shard sharing the folder.
  const std::string writer = "rank" + std::to_string(identity.rank) + "-" + identity.host + "-" + std::to_string(::getpid());
  auto log = std::make_shared<io::TrialLog>(trials_dir, writer);
  return [log, identity = std::move(identity)](const sweep::TrialSpec& trial, const TrialResult& result) {
    log->append({std::to_string(trial.id), identity.rank, identity.host, result});
  };
}

}  // namespace vmsweep::dist
