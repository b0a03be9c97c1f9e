#include "vmsweep/eval/metrics.hpp"

#include <cmath>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

Metrics score(std::span<const double> actual, std::span<const double> predicted) {
  if (actual.size() != predicted.size() || actual.empty())
    throw Error("score: " + std::to_string(actual.size()) + " actual values against " +
                std::to_string(predicted.size()) + " predictions");
  Metrics m;
  double squared = 0, absolute = 0, percent = 0, symmetric = 0, mean = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double error = predicted[i] - actual[i];
    squared += error * error;
    absolute += std::fabs(error);
    if (actual[i] != 0) {
      percent += std::fabs(error / actual[i]);
      ++m.mape_count;
    }
    const double magnitude = std::fabs(actual[i]) + std::fabs(predicted[i]);
    if (magnitude > 0) symmetric += 2 * std::fabs(error) / magnitude;
  }
  m.count = actual.size();
  const auto n = static_cast<double>(m.count);
  for (double a : actual) mean += a / n;
  double spread = 0;
  for (double a : actual) spread += (a - mean) * (a - mean);
  m.mse = squared / n;
  m.rmse = std::sqrt(m.mse);
  m.mae = absolute / n;
  m.mape = m.mape_count ? 100 * percent / static_cast<double>(m.mape_count) : NAN;
  m.smape = 100 * symmetric / n;
  m.r2 = spread > 0 ? 1 - squared / spread : NAN;
  return m;
}

}  // namespace vmsweep::eval
