#pragma once
// The settings of one trial, read from the flat parameter map a sweep (or `vmsweep train`) hands
// over: trainer hyperparameters plus data-block fields, checked against the knob table.
#include <cstdint>
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"

namespace vmsweep::train {

struct ScheduleSettings {
  std::string kind = "exponential";  // constant | exponential | step | cosine | plateau
  int decay_start = 50;              // exponential: epochs at the initial rate (Keras' `epoch < 50`)
  double decay_rate = 0.1;           // exponential: lr x exp(-decay_rate) per epoch after decay_start
  int step_size = 10;                // step: epochs between decays
  double step_gamma = 0.5;           // step and plateau: factor per decay
  double lr_min = 0.0;               // cosine and plateau: the floor
  int plateau_patience = 5;          // plateau: epochs without improvement before a decay
};

struct TrainSettings {
  int look_back = 14;
  int horizon = 1;
  std::vector<int> layers{256, 128, 64};
  double dropout = 0.2;
  double learning_rate = 1e-3;
  int batch_size = 32;
  int epochs = 100;
  int patience = 10;  // 0 = no early stopping
  double min_delta = 0.0;
  bool restore_best = true;
  bool refit = false;
  int val_folds = 1;   // validation periods averaged for selection (rolling origin); 1 = the split's own  // after selection, retrain on train + val for best_epoch epochs to score test
  ScheduleSettings schedule;
  std::string optimizer = "adam";
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-7;
  std::string loss = "mse";
  std::string init = "keras";
  std::string lstm_bias = "single";
  double huber_delta = 1.0;
  double clip_norm = 0.0;
  std::int64_t seed = 0;
  Value data_block;  // the data-block fields that were given (a map), for data::DataSpec
  Value params;      // every knob as run: the given parameters with the table's defaults filled in
};

// Reads the flat parameter map. Missing trainer knobs take the table's defaults (the notebook's);
// a wrong type, a value out of range, a string outside its choices or an unknown key is an
// InputError naming the key and where it was written (unknown keys with a did-you-mean).
TrainSettings settings_from_params(const Value& params);

}  // namespace vmsweep::train
