#pragma once
// A row scored like a trial without being one: a baseline, or (in the report) an ensemble.
#include <cstdint>
#include <string>

#include "vmsweep/record/trial_result.hpp"

namespace vmsweep {

struct BaselineScore {
  std::string method;          // persistence | seasonal_naive | ridge_ar | ses (or an ensemble's kind)
  std::string detail;          // e.g. "season 7 steps", "lambda 0.001", "alpha 0.28"
  std::int64_t look_back = 0;  // 0: the same scores for every look-back of the sweep
  std::int64_t horizon = 1;
  Metrics metrics;             // val_* and test_*, in original units; per step ahead too (val_mse_h1 ...)
  std::string trace = {};      // the trace scored (a fleet has rows per trace); empty before fleets
};

}  // namespace vmsweep
