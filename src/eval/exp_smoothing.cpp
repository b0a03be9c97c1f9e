#include "vmsweep/eval/exp_smoothing.hpp"

#include <string>

#include "forecast_split.hpp"
#include "select_on_validation.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

namespace {

constexpr int kAlphaGridSteps = 100;

}  // namespace

std::vector<double> smoothed_levels(std::span<const double> series, double alpha) {
  std::vector<double> levels(series.begin(), series.end());
  for (std::size_t t = 1; t < levels.size(); ++t) levels[t] = alpha * series[t] + (1 - alpha) * levels[t - 1];
  return levels;
}

ExpSmoothing exp_smoothing(double alpha) {
  if (!(alpha > 0 && alpha <= 1))
    throw Error("exponential smoothing: alpha must be in (0, 1], got " + std::to_string(alpha));
  return ExpSmoothing{alpha};
}

Forecast ExpSmoothing::predict(const data::PreparedData& data, data::Split part) const {
  const std::vector<double> levels = smoothed_levels(data.values(), alpha);
  return forecast_split(data, part, [&](std::size_t, std::size_t last) { return levels[last]; });
}

std::vector<double> default_ses_alphas() {
  std::vector<double> alphas;
  // i / 100 rather than a running sum, so that every alpha is the double nearest its decimal.
  for (int i = 1; i <= kAlphaGridSteps; ++i) alphas.push_back(static_cast<double>(i) / kAlphaGridSteps);
  return alphas;
}

ExpSmoothing select_exp_smoothing(const data::PreparedData& data, std::span<const double> alphas) {
  return select_on_validation(data, alphas, exp_smoothing, "exponential smoothing alpha");
}

}  // namespace vmsweep::eval
