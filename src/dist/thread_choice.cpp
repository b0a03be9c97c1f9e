#include "vmsweep/dist/thread_choice.hpp"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2g", value);
  return text;
}

ThreadChoice cores_per_rank(const ThreadChoiceInputs& inputs) {
  const int ranks = std::max(1, inputs.ranks_on_node);
  ThreadChoice choice{std::max(1, inputs.node_cores / ranks),
                      std::to_string(inputs.node_cores) + " cores / " + std::to_string(ranks) +
                          (ranks == 1 ? " rank" : " ranks") + " on the node"};
  const int idle = inputs.node_cores - static_cast<int>(std::lround(inputs.load_average));
  const int idle_share = std::max(1, idle / ranks);
  if (idle_share < choice.threads) {
    choice.threads = idle_share;
    choice.reason += ", fewer for the node's load average " + number_text(inputs.load_average);
  }
  return choice;
}

ThreadChoice wanted(const ThreadChoiceInputs& inputs) {
  if (inputs.requested) return {*inputs.requested, "--threads " + std::to_string(*inputs.requested)};
  if (inputs.slurm_cpus_per_task)
    return {*inputs.slurm_cpus_per_task, "SLURM_CPUS_PER_TASK=" + std::to_string(*inputs.slurm_cpus_per_task)};
  return cores_per_rank(inputs);
}

}  // namespace

ThreadChoice choose_threads(const ThreadChoiceInputs& inputs) {
  ThreadChoice choice = wanted(inputs);
  int allowed = std::max(1, inputs.affinity_cpus);
  if (choice.threads > allowed) {
    choice.threads = allowed;
    choice.reason += ", capped by the affinity mask (" + std::to_string(allowed) + " CPUs)";
  }
  choice.threads = std::max(1, choice.threads);
  return choice;
}

int affinity_cpu_count() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
  return std::max(1, CPU_COUNT(&set));
}

double load_average() {
  std::ifstream file("/proc/loadavg");
  double one_minute = 0;
  if (!(file >> one_minute)) return 0;
  return std::max(0.0, one_minute);
}

std::optional<int> slurm_cpus_per_task() {
  const char* text = std::getenv("SLURM_CPUS_PER_TASK");
  if (!text || !*text) return std::nullopt;
  std::string_view view(text);
  int value = 0;
  auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc{} || end != view.data() + view.size() || value < 1)
    throw InputError("SLURM_CPUS_PER_TASK='" + std::string(view) + "' is not a positive whole number");
  return value;
}

}  // namespace vmsweep::dist
