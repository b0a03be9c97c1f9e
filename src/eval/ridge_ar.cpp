#include "vmsweep/eval/ridge_ar.hpp"

#include <string>

#include "select_on_validation.hpp"
#include "vmsweep/eval/ridge_regression.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

namespace {

// The regression's design over one split, in scaled units: x[n * lags + t], y[n * horizon + k].
RidgeProblem design(const data::PreparedData& data, data::Split part) {
  const data::WindowRange range = data.range(part);
  const auto& scaled = data.scaled();
  RidgeProblem d{static_cast<std::size_t>(data.windows().look_back), static_cast<std::size_t>(data.windows().horizon),
                 {}, {}};
  d.x.reserve(range.count * d.inputs);
  d.y.reserve(range.count * d.outputs);
  for (std::size_t w = range.first; w < range.end(); ++w) {
    for (std::size_t t = 0; t < d.inputs; ++t) d.x.push_back(scaled[data.window_start(w) + t]);
    for (std::size_t k = 0; k < d.outputs; ++k) d.y.push_back(scaled[data.target_step(w) + k]);
  }
  return d;
}

}  // namespace

RidgeAr fit_ridge_ar(const data::PreparedData& data, double lambda) {
  const RidgeProblem d = design(data, data::Split::train);
  if (d.rows() < 2) throw Error("ridge AR: " + std::to_string(d.rows()) + " training windows; at least 2 are needed");
  RidgeSolution fit = fit_ridge(d, lambda);
  return RidgeAr{lambda, d.inputs, std::move(fit.weights), std::move(fit.intercepts)};
}

Forecast RidgeAr::predict(const data::PreparedData& data, data::Split part) const {
  const RidgeProblem d = design(data, part);
  if (d.inputs != lags || d.outputs != intercepts.size())
    throw Error("ridge AR: the model was fitted on windows of another shape");
  Forecast forecast{targets(data, part), {}};
  forecast.predicted.reserve(d.rows() * d.outputs);
  for (std::size_t r = 0; r < d.rows(); ++r) {
    for (std::size_t k = 0; k < d.outputs; ++k) {
      double scaled = intercepts[k];
      for (std::size_t t = 0; t < lags; ++t) scaled += weights[k * lags + t] * d.x[r * lags + t];
      forecast.predicted.push_back(data.scaler().invert(scaled));
    }
  }
  return forecast;
}

std::vector<double> default_ridge_lambdas() {
  return {0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0};
}

RidgeAr select_ridge_ar(const data::PreparedData& data, std::span<const double> lambdas) {
  // Without a penalty, collinear lags leave the system singular: that penalty is skipped.
  return select_on_validation(data, lambdas, [&](double lambda) { return fit_ridge_ar(data, lambda); }, "ridge AR penalty");
}

}  // namespace vmsweep::eval
