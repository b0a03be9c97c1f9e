#pragma once
// The concrete samplers behind make_sampler().
#include <memory>

#include "vmsweep/sweep/sampler.hpp"

namespace vmsweep::sweep {

// grid and random: walks the fixed trial list (configuration-major, repeats together).
std::unique_ptr<Sampler> make_list_sampler(const SweepSpec& spec);
// bayes: asynchronous Tree-structured Parzen Estimator.
std::unique_ptr<Sampler> make_tpe_sampler(const SweepSpec& spec);
// Several traces: one sampler of the above per trace (on trace_spec), taken in turn.
std::unique_ptr<Sampler> make_fleet_sampler(const SweepSpec& spec);

}  // namespace vmsweep::sweep
