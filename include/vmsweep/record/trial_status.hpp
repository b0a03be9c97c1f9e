#pragma once
// How a trial ended (Optuna's TrialState), and which endings a search learns from.
#include <string>

namespace vmsweep {

// ok = trained to the end or early-stopped on its own; stopped = pruned by the scheduler (an
// interrupted trial is never recorded); diverged = NaN/inf loss; failed = an exception (bad
// parameters, data that cannot be prepared, ...).
enum class TrialStatus { ok, failed, diverged, stopped };

const char* to_string(TrialStatus status);
TrialStatus trial_status_from_string(const std::string& text);  // throws InputError

}  // namespace vmsweep
