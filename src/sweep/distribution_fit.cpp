#include "distribution_fit.hpp"

#include <cmath>
#include <string>

#include "checks.hpp"
#include "distribution.hpp"
#include "vmsweep/common/knob_check.hpp"

namespace vmsweep::sweep {

namespace {

bool gives_integers(const ParameterSpec& spec) {
  const DistributionTraits& law = traits(spec.distribution);
  return law.law == Law::integers || (law.quantised && spec.q == std::trunc(spec.q));
}

void check_type(const ParameterSpec& spec, const Value& entry, const Knob& knob) {
  const std::string distribution(distribution_name(spec.distribution));
  if (!knob_is_numeric(knob))
    fail(entry, spec.name, "takes " + std::string(knob.type == Knob::Type::int_list ? "a list of integers" : "a string") +
                               "; give it with value or values, not distribution " + distribution);
  if (knob.type == Knob::Type::integer && !gives_integers(spec))
    fail(entry, spec.name, "is an integer parameter, but distribution " + distribution +
                               " gives real numbers; use int_uniform, a q_ distribution with an integer q, or values");
}

// The key that sets one end of the range: min for the low end, except for inv_log_uniform,
// whose low end is e^-max.
std::string_view key_name(const DistributionTraits& law, bool low_end) {
  const bool swapped = law.inverted && !law.bounds_are_values;
  return low_end != swapped ? "min" : "max";
}

// "max 1.5 is outside dropout's range [0, 0.95]", or for a bound that is not a value itself
// "max 0.5 gives values up to 1.6487212707001282, outside ...".
[[noreturn]] void fail_outside(const ParameterSpec& spec, const Value& entry, bool low_end, const std::string& outside) {
  const DistributionTraits& law = traits(spec.distribution);
  const ValueRange range = value_range(spec);
  const std::string_view name = key_name(law, low_end);
  const Value* key = entry.find(name);
  if (!key)  // beta has no min or max
    fail(entry, spec.name, "distribution " + std::string(law.name) + " draws values in [" + Value(range.low).to_string() +
                               ", " + Value(range.high).to_string() + "], " + outside);
  const double end = low_end ? range.low : range.high;
  const std::string written = std::string(name) + " " + key->to_string();
  if (key->as_double() == end) fail(*key, spec.name, written + " is " + outside);
  fail(*key, spec.name, written + " gives values " + (low_end ? "down to " : "up to ") + Value(end).to_string() + ", " + outside);
}

void check_bounds(const ParameterSpec& spec, const Value& entry, const Knob& knob) {
  const ValueRange range = value_range(spec);
  const std::string outside = "outside " + std::string(knob.name) + "'s range " + knob_range_text(knob);
  if (range.low < knob.min) fail_outside(spec, entry, true, outside);
  if (range.high > knob.max) fail_outside(spec, entry, false, outside);
}

}  // namespace

void check_distribution_fits_knob(const ParameterSpec& spec, const Value& entry, const Knob& knob) {
  check_type(spec, entry, knob);
  if (traits(spec.distribution).law != Law::normal) check_bounds(spec, entry, knob);
}

}  // namespace vmsweep::sweep
