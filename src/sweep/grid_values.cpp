#include <cmath>
#include <limits>

#include "vmsweep/sweep/parameter.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::int64_t saturated(double count) {
  return count >= static_cast<double>(kMax) ? kMax : static_cast<std::int64_t>(count);
}

}  // namespace

bool grid_accepts(const ParameterSpec& parameter) {
  switch (parameter.distribution) {
    case Distribution::constant:
    case Distribution::int_uniform:
    case Distribution::q_uniform: return true;
    case Distribution::categorical: return parameter.probabilities.empty();
    default: return false;
  }
}

std::int64_t grid_choices(const ParameterSpec& parameter) {
  switch (parameter.distribution) {
    case Distribution::int_uniform: return saturated(parameter.max - parameter.min + 1);
    case Distribution::q_uniform: return saturated(std::ceil((parameter.max - parameter.min) / parameter.q));
    default: return static_cast<std::int64_t>(parameter.values.size());
  }
}

Value grid_value(const ParameterSpec& parameter, std::int64_t index) {
  const auto k = static_cast<double>(index);
  switch (parameter.distribution) {
    case Distribution::int_uniform: return Value(static_cast<std::int64_t>(parameter.min) + index).with_mark(parameter.mark);
    case Distribution::q_uniform: {
      // numpy's arange fills start + k * delta with delta = (start + step) - start.
      const double value = parameter.min + k * ((parameter.min + parameter.q) - parameter.min);
      const Value typed = parameter.integer ? Value(static_cast<std::int64_t>(std::llround(value))) : Value(value);
      return Value(typed).with_mark(parameter.mark);
    }
    default: return parameter.values[static_cast<std::size_t>(index)];
  }
}

}  // namespace vmsweep::sweep

