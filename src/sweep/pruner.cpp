#include "vmsweep/sweep/pruner.hpp"

#include "vmsweep/sweep/hyperband.hpp"

namespace vmsweep::sweep {

// early_terminate's parser admits hyperband only; a new rule is one more branch here.
std::unique_ptr<Pruner> make_pruner(const EarlyTerminate& rule) { return std::make_unique<HyperbandPruner>(rule); }

}  // namespace vmsweep::sweep
