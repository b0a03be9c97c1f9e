#pragma once
// Ridge autoregression on the trials' own look-back windows: the strongest of the simple
// baselines. One linear model per horizon step (direct, not recursive) over the window's scaled
// values plus an unpenalised intercept, fitted on the training windows; the penalty is the one
// of a small grid with the lowest validation MSE, so the test windows are never looked at.
#include <cstddef>
#include <span>
#include <vector>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/baselines.hpp"

namespace vmsweep::eval {

struct RidgeAr {
  double lambda = 0;                         // penalty per training window on the weights
  std::size_t lags = 0;                      // the look-back
  std::vector<double> weights;               // [k * lags + t]: horizon step k, lag position t (oldest first)
  std::vector<double> intercepts;            // one per horizon step (scaled units)

  // Forecast of every window of a split, in original units.
  Forecast predict(const data::PreparedData& data, data::Split part) const;
};

// Fits on the training windows with penalty `lambda` (>= 0). Error when there are fewer
// training windows than two.
RidgeAr fit_ridge_ar(const data::PreparedData& data, double lambda);

// The penalties tried by default: 0 and 1e-6 .. 10 in decades.
std::vector<double> default_ridge_lambdas();

// Fits once per penalty and keeps the one with the lowest validation MSE (ties: the smaller penalty).
RidgeAr select_ridge_ar(const data::PreparedData& data, std::span<const double> lambdas);
inline RidgeAr select_ridge_ar(const data::PreparedData& data) {
  return select_ridge_ar(data, default_ridge_lambdas());
}

}  // namespace vmsweep::eval
