#include "vmsweep/record/trial_result.hpp"

namespace vmsweep {

const double* TrialResult::metric(const std::string& name) const {
  for (const auto& [key, value] : metrics)
    if (key == name) return &value;
  return nullptr;
}

}  // namespace vmsweep
