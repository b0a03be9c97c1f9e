#include "distribution_fit.hpp"

#include <cmath>
#include <string>

#include "checks.hpp"
#include "vmsweep/common/knob_check.hpp"

namespace vmsweep::sweep {

namespace {

using D = Distribution;

bool gives_integers(const ParameterSpec& spec) {
  if (spec.distribution == D::int_uniform) return true;
  const bool quantised = spec.distribution == D::q_uniform || spec.distribution == D::q_log_uniform_values ||
                         spec.distribution == D::q_normal;
  return quantised && spec.q == std::trunc(spec.q);
}

bool is_bounded(D distribution) {
  return distribution != D::normal && distribution != D::log_normal && distribution != D::q_normal;
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

void check_bounds(const ParameterSpec& spec, const Value& entry, const Knob& knob) {
  const bool in_log_space = spec.distribution == D::log_uniform;
  const double low = in_log_space ? std::exp(spec.min) : spec.min;
  const double high = in_log_space ? std::exp(spec.max) : spec.max;
  const std::string range = std::string(knob.name) + "'s range " + knob_range_text(knob);
  if (low < knob.min) fail(*entry.find("min"), spec.name, "min " + Value(low).to_string() + " is outside " + range);
  if (high > knob.max) fail(*entry.find("max"), spec.name, "max " + Value(high).to_string() + " is outside " + range);
}

}  // namespace

void check_distribution_fits_knob(const ParameterSpec& spec, const Value& entry, const Knob& knob) {
  check_type(spec, entry, knob);
  if (is_bounded(spec.distribution)) check_bounds(spec, entry, knob);
}

}  // namespace vmsweep::sweep
