#pragma once
// Solves A X = B for a symmetric positive definite A (n x n, row-major) and several right-hand
// sides B (n x m, row-major), in place: B becomes X. Throws Error when A is not positive definite.
#include <cstddef>
#include <vector>

namespace vmsweep::eval {

void cholesky_solve(std::vector<double> a, std::size_t n, std::vector<double>& b, std::size_t m);

}  // namespace vmsweep::eval
