#pragma once
// Solves A X = B for a symmetric positive definite A (n x n, row-major) and several right-hand
// sides B (n x m, row-major), in place: B becomes X. Throws NotPositiveDefinite when A is not.
#include <cstddef>
#include <vector>

#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

// A singular (or indefinite) system: for ridge AR, a penalty too weak for collinear lags.
class NotPositiveDefinite : public Error {
public:
  using Error::Error;
};

void cholesky_solve(std::vector<double> a, std::size_t n, std::vector<double>& b, std::size_t m);

}  // namespace vmsweep::eval
