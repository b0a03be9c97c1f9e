#pragma once
// A configuration and a repeat -> the TrialSpec the trainer receives.
#include <cstdint>

#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sampler.hpp"

namespace vmsweep::sweep {

// Repeat r of every configuration gets the same seed, derived from the sweep seed (or a swept
// `seed`) and r: configurations then differ by their parameters only, not by their luck.
std::int64_t trial_seed(const SweepSpec& spec, const Value& config, int repeat);

// params: the data block, then the configuration (a swept data field wins), then seed.
// Trials are numbered configuration-major: id = config_id * repeats + repeat.
TrialSpec make_trial(const SweepSpec& spec, std::int64_t config_id, int repeat, const Value& config);

}  // namespace vmsweep::sweep
