#pragma once
// How a baseline with one free setting stays honest: fitted once per value of a grid, it keeps the
// value with the lowest validation MSE, so the test windows never influence the choice.
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "cholesky.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/short_number.hpp"
#include "vmsweep/data/prepare.hpp"

namespace vmsweep::eval {

// The model `fit(value)` returns, or none when the value gives no model because its system is
// singular (a ridge penalty too weak for collinear lags): then `why` says so. Any other error is not
// the value's but the data's, and propagates.
template <typename Fit>
std::optional<std::invoke_result_t<Fit, double>> try_fit(Fit& fit, double value, std::string& why) {
  try {
    return fit(value);
  } catch (const NotPositiveDefinite& singular) {
    why += (why.empty() ? "" : "; ") + short_number(value) + ": " + singular.what();
    return std::nullopt;
  }
}

// `fit(value)` returns a model with `predict(data, part) -> Forecast`; values whose system is singular
// are skipped. Ties keep the earlier value of the grid. Error naming `what`, and why each value was
// skipped, when no value gives a model with a finite validation MSE.
template <typename Fit>
std::invoke_result_t<Fit, double> select_on_validation(const data::PreparedData& data, std::span<const double> grid,
                                                       Fit fit, const std::string& what) {
  std::optional<std::invoke_result_t<Fit, double>> best;
  double best_mse = std::numeric_limits<double>::infinity();
  std::string skipped;
  for (double value : grid) {
    auto candidate = try_fit(fit, value, skipped);
    if (!candidate) continue;
    const double mse = candidate->predict(data, data::Split::val).score().mse;
    if (mse < best_mse) {
      best_mse = mse;
      best = std::move(candidate);
    }
  }
  if (!best)
    throw Error(what + ": no value of the grid gave a model with a finite validation MSE" +
                (skipped.empty() ? std::string() : " (skipped " + skipped + ")"));
  return std::move(*best);
}

}  // namespace vmsweep::eval
