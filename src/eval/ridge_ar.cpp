#include "vmsweep/eval/ridge_ar.hpp"

#include <string>

#include "cholesky.hpp"
#include "select_on_validation.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

namespace {

// The regression's design over one split, in scaled units: x[n * lags + t], y[n * horizon + k].
struct Design {
  std::size_t rows = 0, lags = 0, horizon = 0;
  std::vector<double> x, y;
};

Design design(const data::PreparedData& data, data::Split part) {
  const data::WindowRange range = data.range(part);
  const auto& scaled = data.scaled();
  Design d{range.count, static_cast<std::size_t>(data.windows().look_back),
           static_cast<std::size_t>(data.windows().horizon), {}, {}};
  d.x.reserve(d.rows * d.lags);
  d.y.reserve(d.rows * d.horizon);
  for (std::size_t w = range.first; w < range.end(); ++w) {
    for (std::size_t t = 0; t < d.lags; ++t) d.x.push_back(scaled[data.window_start(w) + t]);
    for (std::size_t k = 0; k < d.horizon; ++k) d.y.push_back(scaled[data.target_step(w) + k]);
  }
  return d;
}

std::vector<double> column_means(const std::vector<double>& rows, std::size_t width) {
  std::vector<double> mean(width, 0.0);
  const std::size_t count = rows.size() / width;
  for (std::size_t r = 0; r < count; ++r)
    for (std::size_t c = 0; c < width; ++c) mean[c] += rows[r * width + c];
  for (double& m : mean) m /= static_cast<double>(count);
  return mean;
}

// Centred normal equations: (Xc^T Xc + lambda n I) W = Xc^T Yc, with W lags x horizon.
std::vector<double> solve_centred(const Design& d, const std::vector<double>& x_mean,
                                  const std::vector<double>& y_mean, double lambda) {
  std::vector<double> gram(d.lags * d.lags, 0.0), rhs(d.lags * d.horizon, 0.0);
  for (std::size_t r = 0; r < d.rows; ++r) {
    const double* x = &d.x[r * d.lags];
    const double* y = &d.y[r * d.horizon];
    for (std::size_t t = 0; t < d.lags; ++t) {
      const double xt = x[t] - x_mean[t];
      for (std::size_t s = 0; s < d.lags; ++s) gram[t * d.lags + s] += xt * (x[s] - x_mean[s]);
      for (std::size_t k = 0; k < d.horizon; ++k) rhs[t * d.horizon + k] += xt * (y[k] - y_mean[k]);
    }
  }
  for (std::size_t t = 0; t < d.lags; ++t) gram[t * d.lags + t] += lambda * static_cast<double>(d.rows);
  cholesky_solve(std::move(gram), d.lags, rhs, d.horizon);
  return rhs;
}

}  // namespace

RidgeAr fit_ridge_ar(const data::PreparedData& data, double lambda) {
  const Design d = design(data, data::Split::train);
  if (d.rows < 2) throw Error("ridge AR: " + std::to_string(d.rows) + " training windows; at least 2 are needed");
  const std::vector<double> x_mean = column_means(d.x, d.lags), y_mean = column_means(d.y, d.horizon);
  const std::vector<double> solution = solve_centred(d, x_mean, y_mean, lambda);
  RidgeAr model{lambda, d.lags, std::vector<double>(d.horizon * d.lags), y_mean};
  for (std::size_t k = 0; k < d.horizon; ++k) {
    for (std::size_t t = 0; t < d.lags; ++t) {
      model.weights[k * d.lags + t] = solution[t * d.horizon + k];
      model.intercepts[k] -= solution[t * d.horizon + k] * x_mean[t];
    }
  }
  return model;
}

Forecast RidgeAr::predict(const data::PreparedData& data, data::Split part) const {
  const Design d = design(data, part);
  if (d.lags != lags || d.horizon != intercepts.size())
    throw Error("ridge AR: the model was fitted on windows of another shape");
  Forecast forecast{targets(data, part), {}};
  forecast.predicted.reserve(d.rows * d.horizon);
  for (std::size_t r = 0; r < d.rows; ++r) {
    for (std::size_t k = 0; k < d.horizon; ++k) {
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
