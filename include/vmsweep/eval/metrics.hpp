#pragma once
// Forecast errors in the series' original units.
#include <cstddef>
#include <span>

namespace vmsweep::eval {

struct Metrics {
  double mse = 0;
  double rmse = 0;
  double mae = 0;
  double mape = 0;     // percent, over the points whose actual value is not zero
  double smape = 0;    // percent, 200 |a - p| / (|a| + |p|), a point with a = p = 0 counting as 0
  double r2 = 0;       // 1 - sum (a - p)^2 / sum (a - mean a)^2; NaN when the actual values are constant
  std::size_t count = 0;
  std::size_t mape_count = 0;  // points MAPE averaged over
};

// Both spans hold the same points in the same order; Error when their sizes differ or are zero.
Metrics score(std::span<const double> actual, std::span<const double> predicted);

}  // namespace vmsweep::eval
