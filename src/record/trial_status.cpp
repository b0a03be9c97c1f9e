#include "vmsweep/record/trial_status.hpp"

#include <cmath>

#include "vmsweep/common/error.hpp"

namespace vmsweep {

const char* to_string(TrialStatus status) {
  switch (status) {
    case TrialStatus::ok: return "ok";
    case TrialStatus::failed: return "failed";
    case TrialStatus::diverged: return "diverged";
    case TrialStatus::stopped: return "stopped";
  }
  return "?";
}

TrialStatus trial_status_from_string(const std::string& text) {
  for (auto status : {TrialStatus::ok, TrialStatus::failed, TrialStatus::diverged, TrialStatus::stopped})
    if (text == to_string(status)) return status;
  throw InputError("unknown trial status '" + text + "' (expected ok, failed, diverged or stopped)");
}

std::optional<double> search_objective(TrialStatus status, const double* metric_value) {
  const bool counts = status == TrialStatus::ok || status == TrialStatus::stopped;
  if (!counts || !metric_value || !std::isfinite(*metric_value)) return std::nullopt;
  return *metric_value;
}

}  // namespace vmsweep
