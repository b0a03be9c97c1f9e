#pragma once
// One trial inside an HDF5 group: the root of a trial file, or /trial/<id> of the aggregate.
//   attributes  id, status, reason, params_json, seed, epochs_run, best_epoch, diverged_epoch,
//               seconds, threads, rank, host
//   params/     the parameters again as typed attributes, for people browsing the file
//   metrics/    one float64 attribute per metric, in the trainer's order
//   curves      compound table (epoch, train_loss, val_loss, learning_rate, seconds)
//   predictions compound table (timestamp_ms, actual, predicted, split, horizon_step)
//   traces/     a global trial's scores per trace (`fleet: global`): traces/<index>/ with the
//               attribute trace (its id), metrics/ and predictions as above, in original units
//   model/      the trained model when the trial kept one (checkpoint_record.hpp)
#include <cstdint>
#include <optional>

#include "h5_error.hpp"
#include "vmsweep/io/stored_trial.hpp"

namespace vmsweep::io {

void write_trial_record(hid_t group, const StoredTrial& trial, const h5::Where& where);

enum class TrialParts { summary, curves, full };  // summary skips curves and predictions, curves skips predictions
// Every part reads a global trial's per-trace metrics; full also their predictions. Never reads the model (it is the biggest part of the record): read_trial_model does.
StoredTrial read_trial_record(hid_t group, const h5::Where& where, TrialParts parts = TrialParts::full);
// The trial's model; nullopt when the record holds none.
std::optional<Checkpoint> read_trial_model(hid_t group, const h5::Where& where);
// The number of weights of the trial's model; 0 when the record holds none.
std::int64_t trial_model_parameters(hid_t group, const h5::Where& where);

}  // namespace vmsweep::io
