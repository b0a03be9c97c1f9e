#pragma once
// The two densities of TPE (Bergstra et al. 2011): l(x) from the good configurations and g(x) from
// the others, each a Parzen estimator, with a broad prior so that few observations stay smooth.
#include <cstddef>
#include <span>
#include <vector>

#include "distribution.hpp"
#include "vmsweep/common/rng.hpp"

namespace vmsweep::sweep {

// Equally weighted Gaussians truncated to [low, high], one per observation plus a prior centred on
// the interval with its width as sigma. Bandwidths follow Optuna: the larger gap to a neighbour,
// clipped to [width / min(100, n + 1), width].
class ParzenEstimator {
public:
  ParzenEstimator(std::span<const double> observations, NumericSpace space);
  double sample(Rng& rng) const;
  double log_pdf(double x) const;

private:
  std::vector<double> mus_, sigmas_, log_norms_;  // log of each truncated component's mass
  NumericSpace space_;
};

// Observed counts, smoothed, plus a prior (the file's probabilities, or uniform) worth one observation.
class CategoricalEstimator {
public:
  CategoricalEstimator(std::span<const std::size_t> observations, std::span<const double> prior);
  std::size_t sample(Rng& rng) const;
  double log_pmf(std::size_t index) const;

private:
  std::vector<double> probabilities_;
};

}  // namespace vmsweep::sweep
