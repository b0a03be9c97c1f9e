#pragma once
// How many threads one rank's trials may use, and why (a plain choice; train::ThreadBudget is what
// then holds a trial to it). First match wins:
//   --threads N          what the user asked for
//   SLURM_CPUS_PER_TASK  what Slurm gave each task
//   node cores / ranks on this node, fewer when the node is busy: the cores the node's load
//                        average leaves idle, shared by the ranks (threads that wait for each other
//                        behind a neighbour's work lose more than they gain)
// and never more than the CPUs in the rank's affinity mask (mpirun binds a rank to one core when
// ranks <= cores; more threads than that would only fight over it).
#include <optional>
#include <string>

namespace vmsweep::dist {

struct ThreadChoiceInputs {
  std::optional<int> requested;
  std::optional<int> slurm_cpus_per_task;
  int node_cores = 1;
  int ranks_on_node = 1;
  int affinity_cpus = 1;
  double load_average = 0;  // the node's 1-minute load average before this run adds to it
};

struct ThreadChoice {
  int threads = 1;
  std::string reason;  // e.g. "SLURM_CPUS_PER_TASK=4", "2 cores / 2 ranks on the node, affinity 1 CPU"
};

ThreadChoice choose_threads(const ThreadChoiceInputs& inputs);

// The CPUs this process may run on (sched_getaffinity); at least 1.
int affinity_cpu_count();
// The 1-minute load average (/proc/loadavg); 0 when it cannot be read.
double load_average();
// SLURM_CPUS_PER_TASK as a positive number; absent or empty = nullopt; anything else = InputError.
std::optional<int> slurm_cpus_per_task();

}  // namespace vmsweep::dist
