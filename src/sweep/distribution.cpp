#include "distribution.hpp"

#include <algorithm>
#include <cmath>

namespace vmsweep::sweep {

namespace {

using D = Distribution;

bool in_log_space(D distribution) {
  return distribution == D::log_uniform_values || distribution == D::log_uniform ||
         distribution == D::q_log_uniform_values || distribution == D::log_normal;
}

bool is_quantised(D distribution) {
  return distribution == D::q_uniform || distribution == D::q_log_uniform_values || distribution == D::q_normal;
}

bool bounds_are_values(D distribution) {
  return distribution == D::log_uniform_values || distribution == D::q_log_uniform_values;
}

bool is_normal_family(D distribution) {
  return distribution == D::normal || distribution == D::log_normal || distribution == D::q_normal;
}

Value categorical_draw(const ParameterSpec& parameter, Rng& rng) {
  const std::size_t count = parameter.values.size();
  if (parameter.probabilities.empty()) return parameter.values[static_cast<std::size_t>(rng.integer(0, std::int64_t(count) - 1))];
  return parameter.values[rng.weighted_index(parameter.probabilities.data(), count)];
}

}  // namespace

NumericSpace numeric_space(const ParameterSpec& parameter) {
  const D distribution = parameter.distribution;
  if (is_normal_family(distribution))
    return {parameter.mu - 3 * parameter.sigma, parameter.mu + 3 * parameter.sigma};
  if (distribution == D::int_uniform) return {parameter.min - 0.5, parameter.max + 0.5};
  if (bounds_are_values(distribution)) return {std::log(parameter.min), std::log(parameter.max)};
  return {parameter.min, parameter.max};
}

Value value_from_internal(const ParameterSpec& parameter, double x) {
  double value = in_log_space(parameter.distribution) ? std::exp(x) : x;
  if (is_quantised(parameter.distribution)) value = std::round(value / parameter.q) * parameter.q;
  if (parameter.distribution == D::int_uniform) value = std::clamp(std::round(value), parameter.min, parameter.max);
  value = std::clamp(value, parameter.clip_min, parameter.clip_max);
  if (parameter.integer || parameter.distribution == D::int_uniform) return Value(static_cast<std::int64_t>(std::llround(value)));
  return Value(value);
}

double internal_from_value(const ParameterSpec& parameter, const Value& value) {
  const double number = value.as_double();
  return in_log_space(parameter.distribution) ? std::log(number) : number;
}

Value sample_parameter(const ParameterSpec& parameter, Rng& rng) {
  switch (parameter.distribution) {
    case D::constant: return parameter.values.front();
    case D::categorical: return categorical_draw(parameter, rng);
    case D::int_uniform: {
      const auto drawn = rng.integer(static_cast<std::int64_t>(parameter.min), static_cast<std::int64_t>(parameter.max));
      return value_from_internal(parameter, static_cast<double>(drawn));
    }
    case D::normal:
    case D::log_normal:
    case D::q_normal: return value_from_internal(parameter, parameter.mu + parameter.sigma * rng.normal());
    default: {
      const NumericSpace space = numeric_space(parameter);
      return value_from_internal(parameter, rng.uniform(space.low, space.high));
    }
  }
}

}  // namespace vmsweep::sweep
