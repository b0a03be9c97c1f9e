#include "tpe_proposal.hpp"

#include <algorithm>
#include <vector>

#include "distribution.hpp"
#include "parzen.hpp"

namespace vmsweep::sweep {

namespace {

using Configs = std::span<const Value* const>;

std::vector<double> internal_values(const ParameterSpec& parameter, Configs configs) {
  std::vector<double> xs;
  for (const Value* config : configs) xs.push_back(internal_from_value(parameter, *config->find(parameter.name)));
  return xs;
}

std::vector<std::size_t> value_indices(const ParameterSpec& parameter, Configs configs) {
  std::vector<std::size_t> indices;
  for (const Value* config : configs) {
    const auto found = std::ranges::find(parameter.values, *config->find(parameter.name));
    indices.push_back(static_cast<std::size_t>(found - parameter.values.begin()));
  }
  return indices;
}

// Draws candidates from `good` and returns the one that maximises log good(x) - log bad(x).
template <typename Estimator, typename Draw, typename LogDensity>
auto best_candidate(const Estimator& good, const Estimator& bad, int candidates, Rng& rng, Draw draw,
                    LogDensity log_density) {
  auto best = draw(good, rng);
  double best_score = log_density(good, best) - log_density(bad, best);
  for (int i = 1; i < candidates; ++i) {
    const auto candidate = draw(good, rng);
    const double score = log_density(good, candidate) - log_density(bad, candidate);
    if (score > best_score) best = candidate, best_score = score;
  }
  return best;
}

Value propose_categorical(const ParameterSpec& parameter, Configs good, Configs bad, int candidates, Rng& rng) {
  const std::size_t count = parameter.values.size();
  std::vector<double> prior = parameter.probabilities;
  if (prior.empty()) prior.assign(count, 1.0 / static_cast<double>(count));
  const CategoricalEstimator l(value_indices(parameter, good), prior), g(value_indices(parameter, bad), prior);
  const std::size_t index = best_candidate(
      l, g, candidates, rng, [](const CategoricalEstimator& e, Rng& r) { return e.sample(r); },
      [](const CategoricalEstimator& e, std::size_t i) { return e.log_pmf(i); });
  return parameter.values[index];
}

Value propose_numeric(const ParameterSpec& parameter, Configs good, Configs bad, int candidates, Rng& rng) {
  const NumericSpace space = numeric_space(parameter);
  const ParzenEstimator l(internal_values(parameter, good), space), g(internal_values(parameter, bad), space);
  const double x = best_candidate(
      l, g, candidates, rng, [](const ParzenEstimator& e, Rng& r) { return e.sample(r); },
      [](const ParzenEstimator& e, double v) { return e.log_pdf(v); });
  return value_from_internal(parameter, x);
}

}  // namespace

Value propose_tpe(const SweepSpec& spec, Configs good, Configs bad, Rng& rng) {
  Value config = Value(Value::Map{});
  const int candidates = spec.bayes.n_candidates;
  for (const ParameterSpec& parameter : spec.parameters) {
    if (parameter.distribution == Distribution::constant) config.set(parameter.name, parameter.values.front());
    else if (parameter.distribution == Distribution::categorical)
      config.set(parameter.name, propose_categorical(parameter, good, bad, candidates, rng));
    else config.set(parameter.name, propose_numeric(parameter, good, bad, candidates, rng));
  }
  return config;
}

}  // namespace vmsweep::sweep
