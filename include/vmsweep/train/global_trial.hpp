#pragma once
// `fleet: global`: one model trained on the windows of several traces at once. Its parameters are
// a trial's, with `path` a list of trace files. Each trace is prepared as a trial on it alone would
// prepare it (its own split, its scaler fitted on its own training part); the shuffled mini-batches
// mix the windows of every trace; early stopping watches the validation loss pooled over every
// trace's validation windows. The model is then scored on each trace in that trace's original units.
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/record/trial_result.hpp"
#include "vmsweep/train/run_trial.hpp"

namespace vmsweep::train {

// True when `path` is a list: run_trial then trains one global model.
bool is_global_trial(const Value& params);

// The parameters of one trace of a global trial: `path` that trace's.
std::vector<Value> per_trace_params(const Value& params);

// What settings_from_params reads: a global trial's parameters on its first trace (all its traces
// share every setting but the path); other parameters as they are.
Value first_trace_params(const Value& params);

// A global trial as one trial per trace: that trace's id, parameters (its path), metrics and
// predictions, and the run they share (status, epochs, curve); what the sweep's baselines, /fleet and
// the fleet report read per trace. Empty for other trials.
std::vector<TrialResult> per_trace_views(const TrialResult& global);

// Trains and scores a global trial into `result` (run_trial's counterpart; errors pass on to it).
// Not with refit, val_folds over 1 or ar_highway (InputError).
void train_global(const Value& params, int threads, const EpochCallback& on_epoch, TrialResult& result);

}  // namespace vmsweep::train
