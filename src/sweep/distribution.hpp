#pragma once
// Drawing a parameter's value, and the numeric coordinates TPE models it in.
#include "vmsweep/common/rng.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/parameter.hpp"

namespace vmsweep::sweep {

// One draw with W&B's meaning of the distribution; clipped into the knob's range, converted to an
// integer for integer knobs.
Value sample_parameter(const ParameterSpec& parameter, Rng& rng);

// A numeric distribution seen as an interval of internal coordinates, the number drawn before
// exp and quantisation: the natural log of the value for the log family (so inv_log_uniform's is
// [-max, -min]), the value itself otherwise; normal laws are cut at mu +- 3 sigma, beta is [0, 1].
struct NumericSpace {
  double low = 0, high = 1;
};
NumericSpace numeric_space(const ParameterSpec& parameter);
// Internal coordinate -> value (exp for the log family, then q-rounding, clipping, integer).
Value value_from_internal(const ParameterSpec& parameter, double x);
// Value -> internal coordinate, held inside numeric_space (a q-rounded 0 of a log law has no log).
double internal_from_value(const ParameterSpec& parameter, const Value& value);

// The smallest and largest value a draw can give, before clipping into the knob's range; for the
// normal family, those of the internal space (mu +- 3 sigma).
struct ValueRange {
  double low = 0, high = 0;
};
ValueRange value_range(const ParameterSpec& parameter);

}  // namespace vmsweep::sweep
