#pragma once
// What one trial produces: the record every later stage (MPI protocol, HDF5 stores, report,
// plots) reads. Plain data, no library types, so io and dist can use it without oneDNN.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/train/checkpoint.hpp"

namespace vmsweep::train {

// One state for a trial's outcome (Optuna's TrialState): ok = trained to the end or early-stopped
// on its own; stopped = pruned by the scheduler or interrupted; diverged = NaN/inf loss;
// failed = an exception (bad parameters, data that cannot be prepared, ...).
enum class TrialStatus { ok, failed, diverged, stopped };
const char* to_string(TrialStatus status);
TrialStatus trial_status_from_string(const std::string& text);  // throws InputError

// One row of the loss curve, reported after every epoch.
struct EpochRecord {
  int epoch = 0;              // 1-based
  double train_loss = 0.0;    // mean training loss over the epoch's batches (scaled units)
  double val_loss = 0.0;      // validation loss after the epoch (scaled units)
  double learning_rate = 0.0; // the rate used during this epoch
  double seconds = 0.0;       // wall time of the epoch
};

enum class SplitPart : std::int8_t { train = 0, val = 1, test = 2 };
const char* to_string(SplitPart part);

// Predictions in original units, one row per (window, horizon step), in time order.
struct Predictions {
  std::vector<std::int64_t> timestamp_ms;  // time of the predicted step, Unix epoch milliseconds
  std::vector<double> actual;
  std::vector<double> predicted;
  std::vector<SplitPart> split;
  std::vector<std::int32_t> horizon_step;  // 1..horizon
};

// Metric names: {train,val,test}_{mse,rmse,mae,mape,smape,r2}, in original units; with a horizon over
// 1 also {val,test}_{mse,mae}_h<k> per step ahead; test_cover80/95 and test_width80/95 for the
// conformal intervals (train/forecast_scores.hpp).
using Metrics = std::vector<std::pair<std::string, double>>;

struct TrialResult {
  TrialStatus status = TrialStatus::ok;
  std::string reason;          // why a trial failed, diverged or stopped; empty when ok
  Value params;                // the trial's parameters as run (a map), data-block fields included
  std::int64_t seed = 0;
  int epochs_run = 0;
  int best_epoch = 0;          // the epoch whose weights were restored; 0 if none
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

  const double* metric(const std::string& name) const;
};

}  // namespace vmsweep::train
