#include "cholesky.hpp"

#include <cmath>

#include "vmsweep/common/error.hpp"

namespace vmsweep::eval {

namespace {

// A = L L^T, L written over the lower triangle of `a`.
void factor(std::vector<double>& a, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    double diagonal = a[j * n + j];
    for (std::size_t k = 0; k < j; ++k) diagonal -= a[j * n + k] * a[j * n + k];
    if (!(diagonal > 0)) throw NotPositiveDefinite("cholesky_solve: the matrix is not positive definite");
    const double root = std::sqrt(diagonal);
    a[j * n + j] = root;
    for (std::size_t i = j + 1; i < n; ++i) {
      double sum = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k) sum -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = sum / root;
    }
  }
}

// L Y = B, then L^T X = Y, column c of B at a time.
void substitute(const std::vector<double>& l, std::size_t n, std::vector<double>& b, std::size_t m, std::size_t c) {
  for (std::size_t i = 0; i < n; ++i) {
    double sum = b[i * m + c];
    for (std::size_t k = 0; k < i; ++k) sum -= l[i * n + k] * b[k * m + c];
    b[i * m + c] = sum / l[i * n + i];
  }
  for (std::size_t i = n; i-- > 0;) {
    double sum = b[i * m + c];
    for (std::size_t k = i + 1; k < n; ++k) sum -= l[k * n + i] * b[k * m + c];
    b[i * m + c] = sum / l[i * n + i];
  }
}

}  // namespace

void cholesky_solve(std::vector<double> a, std::size_t n, std::vector<double>& b, std::size_t m) {
  if (a.size() != n * n || b.size() != n * m) throw Error("cholesky_solve: matrix sizes do not match");
  factor(a, n);
  for (std::size_t c = 0; c < m; ++c) substitute(a, n, b, m, c);
}

}  // namespace vmsweep::eval
