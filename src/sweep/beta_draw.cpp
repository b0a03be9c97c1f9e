#include "beta_draw.hpp"

#include <cmath>

namespace vmsweep::sweep {

namespace {

// Marsaglia and Tsang (2000), "A simple method for generating gamma variables", for shape >= 1;
// a shape below 1 uses Gamma(shape) = Gamma(shape + 1) * U^(1 / shape).
double gamma_draw(double shape, Rng& rng) {
  if (shape < 1) return gamma_draw(shape + 1, rng) * std::pow(1.0 - rng.uniform01(), 1.0 / shape);
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double z = rng.normal();
    const double v = std::pow(1.0 + c * z, 3);
    if (v <= 0) continue;
    const double u = 1.0 - rng.uniform01();  // (0, 1]: log(u) is finite
    if (std::log(u) < 0.5 * z * z + d - d * v + d * std::log(v)) return d * v;
  }
}

}  // namespace

double beta_draw(double a, double b, Rng& rng) {
  const double x = gamma_draw(a, rng);
  const double y = gamma_draw(b, rng);
  // Both underflow only for tiny shapes, where the law sits at 0 and 1 with these weights.
  if (x + y == 0) return rng.uniform01() < a / (a + b) ? 1.0 : 0.0;
  return x / (x + y);
}

}  // namespace vmsweep::sweep
