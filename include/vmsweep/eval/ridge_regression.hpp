#pragma once
// Ridge regression with several outputs and an unpenalised intercept, in closed form: what the
// ridge AR baseline fits, and what the model's ar_highway starts from (train/highway_init.hpp).
#include <cstddef>
#include <vector>

namespace vmsweep::eval {

struct RidgeProblem {
  std::size_t inputs = 0, outputs = 0;
  std::vector<double> x;  // rows x inputs, row-major
  std::vector<double> y;  // rows x outputs
  std::size_t rows() const { return inputs == 0 ? 0 : x.size() / inputs; }
};

struct RidgeSolution {
  double lambda = 0;
  std::vector<double> weights;     // [k * inputs + t]: output k, input t
  std::vector<double> intercepts;  // one per output
  // Output k for one row of inputs.
  double predict(const double* x, std::size_t k) const;
};

// Minimises sum |y - x W - b|^2 + lambda * rows * |W|^2 (the penalty per row, so lambda means the
// same for any number of rows). Error when there are fewer rows than two or the system is singular.
RidgeSolution fit_ridge(const RidgeProblem& problem, double lambda);

}  // namespace vmsweep::eval
