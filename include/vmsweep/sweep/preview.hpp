#pragma once
// Trials that show and check a sweep before it runs, without building its trial list: its first
// trials, and trials at the edges of its space (every parameter at its lowest and highest value,
// every listed value, and the corners where every numeric parameter is lowest or highest), so a
// value that only some trials would take (a look_back too long for the split) is found by
// `vmsweep validate`, not mid-run.
#include <cstdint>
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

struct PreviewTrial {
  TrialSpec trial;
  Value config;       // the configuration as drawn (a swept `seed` as given, before the trial seed)
  std::string probe;  // "" for a trial of the sweep; else what it probes: "look_back 126, its highest"
};

// The sweep's first `count` trials, as `run` proposes them: grid and random from the list's
// formulas (no list is built), bayes its random start-up configurations.
std::vector<PreviewTrial> first_trials(const SweepSpec& spec, std::int64_t count);

// Probes around the first configuration: each parameter at each end of its range (a normal law at
// mu +- 4 sigma), each listed value, then every numeric parameter at its low end, then at its high end.
std::vector<PreviewTrial> edge_trials(const SweepSpec& spec);

}  // namespace vmsweep::sweep
