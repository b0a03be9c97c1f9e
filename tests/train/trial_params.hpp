#pragma once
// Parameters of small, fast trials on aa.txt (daily means: 550 steps, 536 windows of 14), and a
// metric lookup for their results.
#include <catch2/catch.hpp>
#include <string>

#include "vmsweep/common/value.hpp"
#include "vmsweep/record/trial_result.hpp"

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

// A metric the trial must have.
inline double metric(const TrialResult& result, const std::string& name) {
  const double* value = result.metric(name);
  REQUIRE(value);
  return *value;
}

}  // namespace vmsweep::train::testing
