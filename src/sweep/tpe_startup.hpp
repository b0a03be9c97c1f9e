#pragma once
// The configurations bayes proposes before it has any result: random draws from its own stream.
#include <cstdint>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

// The first `count` configurations (at most n_startup and the sweep's configuration count) a fresh
// TPE sampler proposes, in order: configuration k is the k-th.
std::vector<Value> tpe_startup_configs(const SweepSpec& spec, std::int64_t count);

}  // namespace vmsweep::sweep
