#pragma once
// Simple exponential smoothing (SES): a level that follows the series with weight alpha on the
// newest value, l_t = alpha y_t + (1 - alpha) l_{t-1}, started at l_0 = y_0. It runs over the whole
// series in time order, so a window's forecast sees every value before its target, as persistence
// does, and never the target or later. Every step of the horizon is predicted as the level after the
// window's last step. alpha = 1 is persistence; smaller values average out noise.
#include <span>
#include <vector>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/baselines.hpp"

namespace vmsweep::eval {

// The level after each step of `series` (same length; empty for an empty series).
std::vector<double> smoothed_levels(std::span<const double> series, double alpha);

struct ExpSmoothing {
  double alpha = 1.0;  // in (0, 1]

  // Forecast of every window of a split, in original units.
  Forecast predict(const data::PreparedData& data, data::Split part) const;
};

// Error unless 0 < alpha <= 1.
ExpSmoothing exp_smoothing(double alpha);

// The smoothing weights tried by default: 0.01, 0.02, ..., 1 (1 being persistence).
std::vector<double> default_ses_alphas();

// The alpha with the lowest validation MSE (ties: the earlier one of the grid).
ExpSmoothing select_exp_smoothing(const data::PreparedData& data, std::span<const double> alphas);
inline ExpSmoothing select_exp_smoothing(const data::PreparedData& data) {
  return select_exp_smoothing(data, default_ses_alphas());
}

}  // namespace vmsweep::eval
