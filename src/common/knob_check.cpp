#include "vmsweep/common/knob_check.hpp"

#include <algorithm>
#include <cstdio>

#include "vmsweep/common/did_you_mean.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep {

namespace {

// What one check is about: the knob, the key it is reported under, and how integers must be written.
struct Subject {
  const Knob& knob;
  std::string_view key;
  WholeReals whole_reals;
};

[[noreturn]] void reject(const Subject& subject, const Value& value, const std::string& expected,
                         const std::string& found) {
  throw key_error(value.mark(), subject.key, "expected " + expected + ", got " + found);
}

std::string bound_text(double bound) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", bound);
  return text;
}

void check_range(const Subject& subject, const Value& value, const std::string& what) {
  const double number = value.as_double();
  if (number >= subject.knob.min && number <= subject.knob.max) return;  // NaN fails both
  reject(subject, value, what + " in " + knob_range_text(subject.knob), value.to_string());
}

void check_integer(const Subject& subject, const Value& value) {
  const bool integer = subject.whole_reals == WholeReals::accepted ? value.holds_integer() : value.is_int();
  if (!integer) reject(subject, value, "an integer", value.description());
  check_range(subject, value, "an integer");
}

void check_real(const Subject& subject, const Value& value) {
  if (!value.is_number()) reject(subject, value, "a number", value.description());
  check_range(subject, value, "a number");
}

void check_string(const Subject& subject, const Value& value) {
  const auto& choices = subject.knob.choices;
  // Free text such as `season: 24` or `interval: 5min` may read as a number; its owner parses it.
  if (choices.empty() && value.is_number()) return;
  std::string expected = choices.empty() ? "a string" : "one of";
  for (std::string_view choice : choices) expected += " " + std::string(choice);
  if (!value.is_string()) reject(subject, value, expected, value.description());
  const std::string& text = value.as_string();
  if (choices.empty() || std::ranges::find(choices, text) != choices.end()) return;
  reject(subject, value, expected, "'" + text + "'" + did_you_mean(text, choices));
}

void check_boolean(const Subject& subject, const Value& value) {
  if (!value.is_bool()) reject(subject, value, "true or false", value.description());
}

void check_int_list(const Subject& subject, const Value& value) {
  if (value.is_number()) return check_integer(subject, value);  // one layer may be written bare
  if (!value.is_list() || value.as_list().empty())
    reject(subject, value, "a non-empty list of integers such as [128, 64]", value.description());
  for (const Value& item : value.as_list()) check_integer(subject, item);
}

}  // namespace

void check_knob_value(const Knob& knob, const Value& value, std::string_view key, WholeReals whole_reals) {
  const Subject subject{knob, key, whole_reals};
  switch (knob.type) {
    case Knob::Type::integer: return check_integer(subject, value);
    case Knob::Type::real: return check_real(subject, value);
    case Knob::Type::string: return check_string(subject, value);
    case Knob::Type::boolean: return check_boolean(subject, value);
    case Knob::Type::int_list: return check_int_list(subject, value);
    case Knob::Type::any: return;
  }
}

std::string knob_range_text(const Knob& knob) {
  return "[" + bound_text(knob.min) + ", " + bound_text(knob.max) + "]";
}

bool knob_is_numeric(const Knob& knob) {
  return knob.type == Knob::Type::integer || knob.type == Knob::Type::real;
}

}  // namespace vmsweep
