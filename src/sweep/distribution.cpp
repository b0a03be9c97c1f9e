#include "distribution.hpp"

#include <algorithm>
#include <cmath>

#include "beta_draw.hpp"

namespace vmsweep::sweep {

namespace {

Value categorical_draw(const ParameterSpec& parameter, Rng& rng) {
  const std::size_t count = parameter.values.size();
  if (parameter.probabilities.empty()) return parameter.values[static_cast<std::size_t>(rng.integer(0, std::int64_t(count) - 1))];
  return parameter.values[rng.weighted_index(parameter.probabilities.data(), count)];
}

// The bounds of u, the uniform number drawn: min and max, or their logs for the *_values names.
NumericSpace uniform_bounds(const ParameterSpec& parameter, const DistributionTraits& law) {
  if (!law.bounds_are_values) return {parameter.min, parameter.max};
  if (law.inverted) return {-std::log(parameter.max), -std::log(parameter.min)};
  return {std::log(parameter.min), std::log(parameter.max)};
}

}  // namespace

NumericSpace numeric_space(const ParameterSpec& parameter) {
  const DistributionTraits& law = traits(parameter.distribution);
  switch (law.law) {
    case Law::normal: return {parameter.mu - 3 * parameter.sigma, parameter.mu + 3 * parameter.sigma};
    case Law::integers: return {parameter.min - 0.5, parameter.max + 0.5};
    case Law::beta: return {0, 1};
    default: break;
  }
  const NumericSpace u = uniform_bounds(parameter, law);
  if (law.inverted) return {-u.high, -u.low};  // the internal coordinate is -u, the log of exp(-u)
  return u;
}

Value value_from_internal(const ParameterSpec& parameter, double x) {
  const DistributionTraits& law = traits(parameter.distribution);
  double value = law.log_scale ? std::exp(x) : x;
  if (law.quantised) value = std::round(value / parameter.q) * parameter.q;
  if (law.law == Law::integers) value = std::clamp(std::round(value), parameter.min, parameter.max);
  value = std::clamp(value, parameter.clip_min, parameter.clip_max);
  if (parameter.integer || law.law == Law::integers) return Value(static_cast<std::int64_t>(std::llround(value)));
  return Value(value);
}

double internal_from_value(const ParameterSpec& parameter, const Value& value) {
  const NumericSpace space = numeric_space(parameter);
  const double number = value.as_double();
  const double x = traits(parameter.distribution).log_scale ? std::log(number) : number;
  if (std::isnan(x)) return space.low;
  return std::clamp(x, space.low, space.high);
}

ValueRange value_range(const ParameterSpec& parameter) {
  const DistributionTraits& law = traits(parameter.distribution);
  const NumericSpace space = numeric_space(parameter);
  if (law.law == Law::integers) return {parameter.min, parameter.max};
  if (!law.log_scale) return {space.low, space.high};
  return {std::exp(space.low), std::exp(space.high)};
}

Value sample_parameter(const ParameterSpec& parameter, Rng& rng) {
  switch (traits(parameter.distribution).law) {
    case Law::fixed: return parameter.values.front();
    case Law::choice: return categorical_draw(parameter, rng);
    case Law::integers: {
      const auto drawn = rng.integer(static_cast<std::int64_t>(parameter.min), static_cast<std::int64_t>(parameter.max));
      return value_from_internal(parameter, static_cast<double>(drawn));
    }
    case Law::normal: return value_from_internal(parameter, parameter.mu + parameter.sigma * rng.normal());
    case Law::beta: return value_from_internal(parameter, beta_draw(parameter.a, parameter.b, rng));
    case Law::uniform: break;
  }
  const NumericSpace space = numeric_space(parameter);
  return value_from_internal(parameter, rng.uniform(space.low, space.high));
}

}  // namespace vmsweep::sweep
