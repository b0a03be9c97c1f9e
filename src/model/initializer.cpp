#include "initializer.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "vmsweep/common/error.hpp"

namespace vmsweep::model {

namespace {

// Vectorised (a fixed, reassociated summation order: still the same result on every run).
double dot(const double* a, const double* b, int length) {
  double sum = 0.0;
#pragma omp simd reduction(+ : sum)
  for (int i = 0; i < length; ++i) sum += a[i] * b[i];
  return sum;
}

// Modified Gram-Schmidt over the rows of a row-major rows x cols matrix.
void orthonormalise_rows(std::vector<double>& matrix, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    double* row = matrix.data() + static_cast<std::size_t>(r) * cols;
    for (int previous = 0; previous < r; ++previous) {
      const double* basis = matrix.data() + static_cast<std::size_t>(previous) * cols;
      const double projection = dot(row, basis, cols);
#pragma omp simd
      for (int c = 0; c < cols; ++c) row[c] -= projection * basis[c];
    }
    const double norm = std::sqrt(dot(row, row, cols));
    for (int c = 0; c < cols; ++c) row[c] /= norm;
  }
}

double symmetric_uniform(double limit, Rng& rng) { return limit * (2.0 * rng.uniform01() - 1.0); }

}  // namespace

void glorot_uniform(std::span<float> values, int fan_in, int fan_out, Rng& rng) {
  uniform(values, std::sqrt(6.0 / (fan_in + fan_out)), rng);
}

void uniform(std::span<float> values, double limit, Rng& rng) {
  for (auto& value : values) value = static_cast<float>(symmetric_uniform(limit, rng));
}

void orthogonal_rows(std::span<float> values, int rows, int cols, Rng& rng) {
  if (rows > cols || values.size() != static_cast<std::size_t>(rows) * cols)
    throw Error("orthogonal_rows: needs rows <= cols and rows*cols values");
  std::vector<double> matrix(values.size());
  for (auto& value : matrix) value = rng.normal();
  orthonormalise_rows(matrix, rows, cols);
  std::transform(matrix.begin(), matrix.end(), values.begin(), [](double v) { return static_cast<float>(v); });
}

void lstm_bias(std::span<float> values, int hidden) {
  std::fill(values.begin(), values.end(), 0.0f);
  std::fill(values.begin() + hidden, values.begin() + 2 * hidden, 1.0f);
}

void summed_uniform_bias(std::span<float> values, double limit, Rng& rng) {
  for (auto& value : values) {
    const double input_bias = symmetric_uniform(limit, rng);
    value = static_cast<float>(input_bias + symmetric_uniform(limit, rng));
  }
}

}  // namespace vmsweep::model
