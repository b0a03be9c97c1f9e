#pragma once
// What one trial produces: the record every later stage (MPI protocol, HDF5 stores, report,
// plots) reads. Plain data, below both the trainer and the stores, so io and dist use it without
// knowing how a trial is trained.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/record/checkpoint.hpp"
#include "vmsweep/record/epoch_record.hpp"
#include "vmsweep/record/predictions.hpp"
#include "vmsweep/record/trial_status.hpp"

namespace vmsweep {

// Metric names: {train,val,test}_{mse,rmse,mae,mape,smape,r2}, in original units; with a horizon over
// 1 also {val,test}_{mse,mae}_h<k> per step ahead; test_cover80/95 and test_width80/95 for the
// conformal intervals (train/forecast_scores.hpp).
using Metrics = std::vector<std::pair<std::string, double>>;

// The value of metric `name`, or null when it is not there.
const double* find_metric(const Metrics& metrics, const std::string& name);

// A global trial's scores on one of the traces it learned from (`fleet: global`, docs/fleets.md):
// the metrics and predictions a local trial on that trace has, in the trace's original units.
struct TraceScores {
  std::string trace;  // the trace's id (sweep::Trace); its path until the run names it
  Metrics metrics;
  Predictions predictions;
};

struct TrialResult {
  TrialStatus status = TrialStatus::ok;
  std::string reason;          // why a trial failed, diverged or stopped; empty when ok
  Value params;                // the trial's parameters as run (a map), data-block fields included
  std::string trace;           // the id of the sweep's trace it ran on (sweep::Trace); empty outside a sweep
  std::int64_t seed = 0;
  int epochs_run = 0;
  int best_epoch = 0;          // the epoch whose weights were restored; 0 if none, or (ar_highway) the linear start
  int diverged_epoch = 0;      // the epoch at which the loss became NaN/inf; 0 if it did not
  double seconds = 0.0;        // wall time of the whole trial, data preparation included
  int threads = 1;             // the thread budget the trial ran with
  std::vector<EpochRecord> curve;
  // With a horizon over 1, the validation loss of each step ahead after every epoch of `curve`:
  // epochs x horizon, row-major (scaled units, the training loss); empty with horizon 1.
  std::vector<double> val_loss_by_step;
  Metrics metrics;
  Predictions predictions;
  // The model to predict with (the weights the test part was scored with); absent unless the trial
  // ended ok or stopped. Stores read it only when asked (io::TrialStore::read_model).
  std::optional<Checkpoint> model;
  // A global trial: one entry per trace, in the order of params' `path` list; `metrics` are then
  // pooled over every trace's windows in each trace's scaled units. Empty for a trial on one trace.
  std::vector<TraceScores> per_trace;

  const double* metric(const std::string& name) const;
};

}  // namespace vmsweep
