#include "vmsweep/record/trial_result.hpp"

namespace vmsweep {

const double* find_metric(const Metrics& metrics, const std::string& name) {
  for (const auto& [key, value] : metrics)
    if (key == name) return &value;
  return nullptr;
}

const double* TrialResult::metric(const std::string& name) const { return find_metric(metrics, name); }

}  // namespace vmsweep
