#pragma once
// Everything needed to predict again with a trained model: the trial's parameters, the scalers, the
// weights and the calibration of its prediction intervals. io::write_checkpoint / io::read_checkpoint
// store it in HDF5; a sweep keeps it in each trial file (docs/results-schema.md).
#include <string>
#include <vector>

#include "vmsweep/common/tensor.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep {

struct Checkpoint {
  Value params;                    // the trial's parameters as run (a map), data-block fields included
  std::string scaler_kind;         // minmax | zscore | none
  double scaler_offset = 0.0;      // scaled = (x - offset) / scale
  double scaler_scale = 1.0;
  // The scaler of the sub-step history channels (history_freq); the identity without them.
  std::string history_scaler_kind = "none";
  double history_scaler_offset = 0.0;
  double history_scaler_scale = 1.0;
  int best_epoch = 0;
  std::vector<NamedTensor> weights;
  // Per horizon step, the absolute errors of the model's validation windows in ascending order, in
  // original units (eval::Calibration): what its split-conformal intervals are computed from. With
  // `val: test` they are the test windows' errors. Empty when there were none.
  std::vector<std::vector<double>> calibration;
};

}  // namespace vmsweep
