#pragma once
// Everything needed to predict again with a trained model: the trial's parameters, the scaler and
// the weights. io::write_checkpoint / io::read_checkpoint store it in HDF5.
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
  int best_epoch = 0;
  std::vector<NamedTensor> weights;
};

}  // namespace vmsweep
