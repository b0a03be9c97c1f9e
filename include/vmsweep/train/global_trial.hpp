#pragma once
// `fleet: global`: one model trained on the windows of several traces at once. Its parameters are
// a trial's, with `path` a list of trace files. Each trace is prepared as a trial on it alone would
// prepare it (its own split, its scaler fitted on its own training part); the shuffled mini-batches
// mix the windows of every trace; early stopping watches the validation loss pooled over every
// trace's validation windows. The model is then scored on each trace in that trace's original units.
#include <filesystem>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/record/checkpoint.hpp"
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

// A model applied to one trace (`vmsweep predict --data`). A global model is applied to any trace,
// one it learned from or not, as training applied it to each of its own: the trace scaled on its own
// training part. Its checkpoint then names that trace as its path, holds the trace's scalers and the
// calibration of its errors on the trace's validation windows, and `predictions` are every window of
// the trace. Any other model is returned as it is, without predictions.
struct ModelOnTrace {
  Checkpoint model;
  Predictions predictions;
};
ModelOnTrace model_on_trace(const Checkpoint& model, const std::filesystem::path& trace, int threads);

// Trains and scores a global trial into `result` (run_trial's counterpart; errors pass on to it).
// Not with refit, val_folds over 1 or ar_highway (InputError).
void train_global(const Value& params, int threads, const EpochCallback& on_epoch, TrialResult& result);

}  // namespace vmsweep::train
