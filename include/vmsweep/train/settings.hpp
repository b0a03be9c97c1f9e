#pragma once
// The settings of one trial, read once from the flat parameter map a sweep (or `vmsweep train`)
// hands over: the trainer's hyperparameters, the model's, and the data block's fields, each filled
// by its declaration (train/parameters.cpp, data/parameters.cpp). The defaults are written there,
// not here: a default-constructed TrainSettings is not a usable setup, settings_from_params({}) is.
#include <cstdint>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::train {

enum class ScheduleKind { constant, exponential, step, cosine, plateau };

struct ScheduleSettings {
  ScheduleKind kind{};
  int decay_start = 0;        // exponential: epochs at the initial rate (Keras' `epoch < 50`)
  double decay_rate = 0;      // exponential: lr x exp(-decay_rate) per epoch after decay_start
  int step_size = 0;          // step: epochs between decays
  double step_gamma = 0;      // step and plateau: factor per decay
  double lr_min = 0;          // cosine and plateau: the floor
  int plateau_patience = 0;   // plateau: epochs without improvement before a decay
};

struct TrainSettings {
  int look_back = 0;
  int horizon = 0;
  // The model's hyperparameters; its input channels, time steps, batch, horizon and seed are
  // filled from the data and the fields below when the model is built (model_config_for).
  model::ModelConfig model;
  double learning_rate = 0;
  int batch_size = 0;
  int epochs = 0;
  int patience = 0;  // 0 = no early stopping
  double min_delta = 0;
  bool restore_best = false;
  bool refit = false;  // after selection, retrain on train + val for best_epoch epochs to score test
  int val_folds = 0;   // validation periods averaged for selection (rolling origin); 1 = the split's own
  ScheduleSettings schedule;
  std::int64_t seed = 0;
  data::DataSpec data;  // the data block, parsed once
  Value data_block;     // its fields as given (a map): what identifies the data, and what is recorded
  Value params;         // every parameter as run: the given ones, with the trainer's defaults filled in
};

// Reads the flat parameter map. Missing parameters take their declared defaults (the notebook's);
// a wrong type, a value out of range, a string outside its choices or an unknown key is an
// InputError naming the key and where it was written (unknown keys with a did-you-mean).
// The data fields' trace path is resolved against the folder of the file that named it, else the
// working directory; whether the trace exists is the data module's business when it loads it.
TrainSettings settings_from_params(const Value& params);

}  // namespace vmsweep::train
