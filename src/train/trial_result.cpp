#include "vmsweep/train/trial_result.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::train {

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

const char* to_string(SplitPart part) {
  switch (part) {
    case SplitPart::train: return "train";
    case SplitPart::val: return "val";
    case SplitPart::test: return "test";
  }
  return "?";
}

const double* TrialResult::metric(const std::string& name) const {
  for (const auto& [key, value] : metrics)
    if (key == name) return &value;
  return nullptr;
}

}  // namespace vmsweep::train
