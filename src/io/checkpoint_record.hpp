#pragma once
// A trained model inside an HDF5 group: the root of a checkpoint file, or the `model` group of a trial.
//   attributes   params_json, scaler_kind, scaler_offset, scaler_scale, history_scaler_kind,
//                history_scaler_offset, history_scaler_scale, best_epoch, parameters (weight count)
//   weights/     one float32 dataset per tensor at its name, attribute `order`
//   calibration  compound table (horizon_step int32, abs_error float64): the conformal calibration
#include <cstdint>

#include "h5_error.hpp"
#include "vmsweep/record/checkpoint.hpp"

namespace vmsweep::io {

void write_checkpoint_record(hid_t group, const Checkpoint& checkpoint, const h5::Where& where);
Checkpoint read_checkpoint_record(hid_t group, const h5::Where& where);
// The number of weights (float32 values) the record holds, from its `parameters` attribute.
std::int64_t checkpoint_parameters(hid_t group, const h5::Where& where);

}  // namespace vmsweep::io
