#pragma once
// Parameters of small, fast trials on aa.txt (daily means: 550 steps, 536 windows of 14).
#include "vmsweep/common/value.hpp"

namespace vmsweep::train::testing {

inline Value small_trial_params() {
  Value params;
  params.set("path", VMSWEEP_AA_TXT);
  params.set("resample", "D");
  params.set("layers", Value::List{8});
  params.set("dropout", 0.0);
  params.set("learning_rate", 0.01);
  params.set("epochs", 4);
  params.set("patience", 0);
  params.set("lr_schedule", "constant");
  params.set("seed", 7);
  return params;
}

}  // namespace vmsweep::train::testing
