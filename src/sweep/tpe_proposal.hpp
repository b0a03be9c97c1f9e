#pragma once
// One TPE proposal: per parameter, draw candidates from l(x) (the good configurations) and keep
// the one with the largest l(x) / g(x) (the others); parameters are modelled independently
// (Optuna's default, univariate TPE).
#include <span>

#include "vmsweep/common/rng.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

Value propose_tpe(const SweepSpec& spec, std::span<const Value* const> good, std::span<const Value* const> bad,
                  Rng& rng);

}  // namespace vmsweep::sweep
