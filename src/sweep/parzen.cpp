#include "parzen.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace vmsweep::sweep {

namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double log_sum_exp(std::span<const double> terms) {
  const double top = *std::ranges::max_element(terms);
  if (!std::isfinite(top)) return top;
  double sum = 0;
  for (double term : terms) sum += std::exp(term - top);
  return top + std::log(sum);
}

// Optuna's rule: each point's larger distance to its sorted neighbours, the interval's ends acting as
// neighbours, except that the outermost points look inwards only.
std::vector<double> neighbour_gaps(const std::vector<double>& sorted, NumericSpace space) {
  const std::size_t n = sorted.size();
  std::vector<double> gaps(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double left = i == 0 ? space.low : sorted[i - 1];
    const double right = i + 1 == n ? space.high : sorted[i + 1];
    gaps[i] = std::max(sorted[i] - left, right - sorted[i]);
  }
  if (n >= 2) {
    gaps.front() = sorted[1] - sorted[0];
    gaps.back() = sorted[n - 1] - sorted[n - 2];
  }
  return gaps;
}

}  // namespace

ParzenEstimator::ParzenEstimator(std::span<const double> observations, NumericSpace space) : space_(space) {
  const double width = space.high - space.low;
  const double prior_mu = 0.5 * (space.low + space.high);
  mus_.assign(observations.begin(), observations.end());
  mus_.push_back(prior_mu);  // the prior takes part in the neighbours' bandwidths, as in Optuna
  std::ranges::sort(mus_);
  sigmas_ = neighbour_gaps(mus_, space);
  const double min_sigma = width / std::min(100.0, static_cast<double>(mus_.size()) + 1.0);
  for (double& sigma : sigmas_) sigma = std::clamp(sigma, min_sigma, width);
  // The prior's own component (one of the centres equal to prior_mu) is the broad one.
  sigmas_[static_cast<std::size_t>(std::ranges::find(mus_, prior_mu) - mus_.begin())] = width;
  for (std::size_t i = 0; i < mus_.size(); ++i) {
    const double mass = normal_cdf((space.high - mus_[i]) / sigmas_[i]) - normal_cdf((space.low - mus_[i]) / sigmas_[i]);
    log_norms_.push_back(std::log(std::max(mass, 1e-300)));
  }
}

double ParzenEstimator::sample(Rng& rng) const {
  const auto component = static_cast<std::size_t>(rng.integer(0, static_cast<std::int64_t>(mus_.size()) - 1));
  for (int attempt = 0; attempt < 100; ++attempt) {
    const double x = mus_[component] + sigmas_[component] * rng.normal();
    if (x >= space_.low && x <= space_.high) return x;
  }
  return std::clamp(mus_[component], space_.low, space_.high);  // only for a component far outside
}

double ParzenEstimator::log_pdf(double x) const {
  const double log_weight = -std::log(static_cast<double>(mus_.size()));
  const double log_sqrt_2pi = 0.5 * std::log(2 * std::numbers::pi);
  std::vector<double> terms(mus_.size());
  for (std::size_t i = 0; i < mus_.size(); ++i) {
    const double z = (x - mus_[i]) / sigmas_[i];
    terms[i] = log_weight - 0.5 * z * z - std::log(sigmas_[i]) - log_sqrt_2pi - log_norms_[i];
  }
  return log_sum_exp(terms);
}

// Optuna's kernel: each observation puts 1 on its value and v = 1 / (n + 1) on every value, then is
// normalised; the prior is one more component; all n + 1 components weigh the same.
CategoricalEstimator::CategoricalEstimator(std::span<const std::size_t> observations, std::span<const double> prior)
    : probabilities_(prior.begin(), prior.end()) {
  const double components = static_cast<double>(observations.size()) + 1.0;
  const double smoothing = 1.0 / components;
  const double row_total = 1.0 + smoothing * static_cast<double>(prior.size());
  for (double& p : probabilities_) p += static_cast<double>(observations.size()) * smoothing / row_total;
  for (std::size_t index : observations) probabilities_[index] += 1.0 / row_total;
  for (double& p : probabilities_) p /= components;
}

std::size_t CategoricalEstimator::sample(Rng& rng) const {
  return rng.weighted_index(probabilities_.data(), probabilities_.size());
}

double CategoricalEstimator::log_pmf(std::size_t index) const {
  return std::log(std::max(probabilities_[index], std::numeric_limits<double>::min()));
}

}  // namespace vmsweep::sweep
