#pragma once
// How a baseline with one free setting stays honest: fitted once per value of a grid, it keeps the
// value with the lowest validation MSE, so the test windows never influence the choice.
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"

namespace vmsweep::eval {

// The model `fit(value)` returns, or none when that value gives no usable model (it threw Error,
// e.g. a singular system).
template <typename Fit>
std::optional<std::invoke_result_t<Fit, double>> try_fit(Fit& fit, double value) {
  try {
    return fit(value);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// `fit(value)` returns a model with `predict(data, part) -> Forecast`; values it throws Error for are
// skipped. Ties keep the earlier value of the grid. Error naming `what` when no value gives a model
// with a finite validation MSE.
template <typename Fit>
std::invoke_result_t<Fit, double> select_on_validation(const data::PreparedData& data, std::span<const double> grid,
                                                       Fit fit, const std::string& what) {
  std::optional<std::invoke_result_t<Fit, double>> best;
  double best_mse = std::numeric_limits<double>::infinity();
  for (double value : grid) {
    auto candidate = try_fit(fit, value);
    if (!candidate) continue;
    const double mse = candidate->predict(data, data::Split::val).score().mse;
    if (mse < best_mse) {
      best_mse = mse;
      best = std::move(candidate);
    }
  }
  if (!best) throw Error(what + ": no value of the grid gave a model with a finite validation MSE");
  return std::move(*best);
}

}  // namespace vmsweep::eval
