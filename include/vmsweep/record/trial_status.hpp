#pragma once
// How a trial ended (Optuna's TrialState), and which endings a search learns from.
#include <optional>
#include <string>

namespace vmsweep {

// ok = trained to the end or early-stopped on its own; stopped = pruned by the scheduler (an
// interrupted trial is never recorded); diverged = NaN/inf loss; failed = an exception (bad
// parameters, data that cannot be prepared, ...).
enum class TrialStatus { ok, failed, diverged, stopped };

const char* to_string(TrialStatus status);
TrialStatus trial_status_from_string(const std::string& text);  // throws InputError

// What a search (TPE, through its configurations' means over repeats) learns from a recorded trial:
// its metric's value when it ended ok or was pruned (a pruned trial's score tells the search where
// not to look), nothing (counted as the worst) when it failed or diverged or has no finite value.
// The live coordinator and a resume both ask this, so a resumed search learns what the live one did.
std::optional<double> search_objective(TrialStatus status, const double* metric_value);

}  // namespace vmsweep
