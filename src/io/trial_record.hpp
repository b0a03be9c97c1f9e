#pragma once
// One trial inside an HDF5 group: the root of a trial file, or /trial/<id> of the aggregate.
//   attributes  id, status, reason, params_json, seed, epochs_run, best_epoch, diverged_epoch,
//               seconds, threads, rank, host
//   params/     the parameters again as typed attributes, for people browsing the file
//   metrics/    one float64 attribute per metric, in the trainer's order
//   curves      compound table (epoch, train_loss, val_loss, learning_rate, seconds)
//   predictions compound table (timestamp_ms, actual, predicted, split, horizon_step)
#include "h5_error.hpp"
#include "vmsweep/io/stored_trial.hpp"

namespace vmsweep::io {

void write_trial_record(hid_t group, const StoredTrial& trial, const h5::Where& where);

enum class TrialParts { summary, curves, full };  // summary skips curves and predictions, curves skips predictions
StoredTrial read_trial_record(hid_t group, const h5::Where& where, TrialParts parts = TrialParts::full);

}  // namespace vmsweep::io
