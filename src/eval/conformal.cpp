#include "vmsweep/eval/conformal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

double Calibration::half_width(int step, double level) const {
  if (step < 1 || step > horizon())
    throw Error("conformal: step " + std::to_string(step) + " outside the calibrated 1.." + std::to_string(horizon()));
  if (!(level > 0 && level < 1)) throw Error("conformal: level " + std::to_string(level) + " outside (0, 1)");
  const std::vector<double>& errors = abs_errors[static_cast<std::size_t>(step - 1)];
  // The rank is computed from the level rounded to 1e-9, so 0.8 * 55 = 44 exactly and not 44.000001.
  const double rank = std::ceil(std::round((static_cast<double>(errors.size()) + 1) * level * 1e9) / 1e9);
  if (rank > static_cast<double>(errors.size())) return std::numeric_limits<double>::infinity();
  return errors[static_cast<std::size_t>(rank) - 1];
}

Calibration calibrate(std::span<const double> actual, std::span<const double> predicted,
                      std::span<const std::int32_t> steps, int horizon) {
  if (actual.size() != predicted.size() || actual.size() != steps.size())
    throw Error("conformal: the actual values, forecasts and steps differ in number");
  Calibration calibration{std::vector<std::vector<double>>(static_cast<std::size_t>(horizon))};
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (steps[i] < 1 || steps[i] > horizon) throw Error("conformal: step " + std::to_string(steps[i]) + " outside 1.." + std::to_string(horizon));
    calibration.abs_errors[static_cast<std::size_t>(steps[i] - 1)].push_back(std::fabs(actual[i] - predicted[i]));
  }
  for (std::vector<double>& errors : calibration.abs_errors) std::sort(errors.begin(), errors.end());
  return calibration;
}

IntervalScore score_intervals(const Calibration& calibration, double level, std::span<const double> actual,
                              std::span<const double> predicted, std::span<const std::int32_t> steps) {
  if (actual.empty() || actual.size() != predicted.size() || actual.size() != steps.size())
    throw Error("conformal: no values to score the intervals on, or the values, forecasts and steps differ in number");
  double inside = 0, width = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double q = calibration.half_width(steps[i], level);
    inside += std::fabs(actual[i] - predicted[i]) <= q;
    width += 2 * q;
  }
  const auto n = static_cast<double>(actual.size());
  return {inside / n, width / n};
}

}  // namespace vmsweep::eval
