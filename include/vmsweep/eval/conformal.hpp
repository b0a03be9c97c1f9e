#pragma once
// Split-conformal prediction intervals, one per horizon step: the absolute errors of a forecast on
// windows it never learned from (the validation part) calibrate an interval point +- q around every
// later forecast of that step, where q is the ceil((n + 1) level)-th smallest of the n calibration
// errors. When the errors of the calibration and the later windows are exchangeable, the interval
// holds the actual value with probability at least `level` (Vovk et al. 2005; Lei et al. 2018).
#include <cstdint>
#include <span>
#include <vector>

namespace vmsweep::eval {

struct Calibration {
  std::vector<std::vector<double>> abs_errors;  // per horizon step, ascending, original units

  int horizon() const { return static_cast<int>(abs_errors.size()); }
  bool empty() const { return abs_errors.empty(); }
  // q of step 1..horizon at `level` in (0, 1): +infinity when the step has fewer than
  // 1 / (1 - level) - 1 errors (too few to bound that level). Error for a step out of range.
  double half_width(int step, double level) const;
};

// The absolute errors of each horizon step (1..horizon), sorted.
Calibration calibrate(std::span<const double> actual, std::span<const double> predicted,
                      std::span<const std::int32_t> steps, int horizon);

struct IntervalScore {
  double coverage = 0;    // fraction of the actual values inside their step's interval
  double mean_width = 0;  // mean of 2 q over the values (original units)
};

// How the intervals at `level` do on other windows (entries as in calibrate()).
IntervalScore score_intervals(const Calibration& calibration, double level, std::span<const double> actual,
                              std::span<const double> predicted, std::span<const std::int32_t> steps);

}  // namespace vmsweep::eval
