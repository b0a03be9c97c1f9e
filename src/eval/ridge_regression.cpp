#include "vmsweep/eval/ridge_regression.hpp"

#include <string>

#include "cholesky.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

namespace {

std::vector<double> column_means(const std::vector<double>& rows, std::size_t width) {
  std::vector<double> mean(width, 0.0);
  const std::size_t count = rows.size() / width;
  for (std::size_t r = 0; r < count; ++r)
    for (std::size_t c = 0; c < width; ++c) mean[c] += rows[r * width + c];
  for (double& m : mean) m /= static_cast<double>(count);
  return mean;
}

// Centred normal equations: (Xc^T Xc + lambda n I) W = Xc^T Yc, with W inputs x outputs.
std::vector<double> solve_centred(const RidgeProblem& p, const std::vector<double>& x_mean,
                                  const std::vector<double>& y_mean, double lambda) {
  const std::size_t rows = p.rows();
  std::vector<double> gram(p.inputs * p.inputs, 0.0), rhs(p.inputs * p.outputs, 0.0);
  for (std::size_t r = 0; r < rows; ++r) {
    const double* x = &p.x[r * p.inputs];
    const double* y = &p.y[r * p.outputs];
    for (std::size_t t = 0; t < p.inputs; ++t) {
      const double xt = x[t] - x_mean[t];
      for (std::size_t s = 0; s < p.inputs; ++s) gram[t * p.inputs + s] += xt * (x[s] - x_mean[s]);
      for (std::size_t k = 0; k < p.outputs; ++k) rhs[t * p.outputs + k] += xt * (y[k] - y_mean[k]);
    }
  }
  for (std::size_t t = 0; t < p.inputs; ++t) gram[t * p.inputs + t] += lambda * static_cast<double>(rows);
  cholesky_solve(std::move(gram), p.inputs, rhs, p.outputs);
  return rhs;
}

}  // namespace

double RidgeSolution::predict(const double* x, std::size_t k) const {
  const std::size_t inputs = weights.size() / intercepts.size();
  double value = intercepts[k];
  for (std::size_t t = 0; t < inputs; ++t) value += weights[k * inputs + t] * x[t];
  return value;
}

RidgeSolution fit_ridge(const RidgeProblem& p, double lambda) {
  const std::size_t rows = p.rows();
  if (rows < 2) throw Error("ridge regression: " + std::to_string(rows) + " rows; at least 2 are needed");
  const std::vector<double> x_mean = column_means(p.x, p.inputs), y_mean = column_means(p.y, p.outputs);
  const std::vector<double> solution = solve_centred(p, x_mean, y_mean, lambda);
  RidgeSolution fit{lambda, std::vector<double>(p.outputs * p.inputs), y_mean};
  for (std::size_t k = 0; k < p.outputs; ++k) {
    for (std::size_t t = 0; t < p.inputs; ++t) {
      fit.weights[k * p.inputs + t] = solution[t * p.outputs + k];
      fit.intercepts[k] -= solution[t * p.outputs + k] * x_mean[t];
    }
  }
  return fit;
}

}  // namespace vmsweep::eval
