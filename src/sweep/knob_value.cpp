#include "knob_value.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "checks.hpp"

namespace vmsweep::sweep {

namespace {

std::string bound_text(double bound) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", bound);
  return text;
}

void check_range(const Knob& knob, const Value& value, const std::string& key, const char* what) {
  const double number = value.as_double();
  if (number >= knob.min && number <= knob.max) return;
  fail(value, key, std::string("expected ") + what + " in " + knob_range_text(knob) + ", got " + value.to_string());
}

void check_integer(const Knob& knob, const Value& value, const std::string& key) {
  if (!value.is_int()) fail(value, key, "expected an integer, got " + value.to_string());
  check_range(knob, value, key, "an integer");
}

void check_real(const Knob& knob, const Value& value, const std::string& key) {
  if (!value.is_number()) fail(value, key, "expected a number, got " + value.to_string());
  check_range(knob, value, key, "a number");
}

void check_choice(const Knob& knob, const Value& value, const std::string& key) {
  // Free text such as `season: 24` or `interval: 5min` may read as a number; its owner parses it.
  if (knob.choices.empty() && value.is_number()) return;
  if (!value.is_string()) fail(value, key, "expected a string, got " + value.to_string());
  const std::string& text = value.as_string();
  if (knob.choices.empty() || std::ranges::find(knob.choices, text) != knob.choices.end()) return;
  std::string expected = "one of";
  for (std::string_view choice : knob.choices) expected += " " + std::string(choice);
  fail(value, key, "expected " + expected + ", got '" + text + "'" + did_you_mean(text, knob.choices));
}

void check_int_list(const Knob& knob, const Value& value, const std::string& key) {
  if (value.is_int()) return check_integer(knob, value, key);  // one layer may be written bare
  if (!value.is_list() || value.as_list().empty())
    fail(value, key, "expected a non-empty list of integers such as [128, 64], got " + value.to_string());
  for (const Value& item : value.as_list()) check_integer(knob, item, key);
}

}  // namespace

std::string knob_range_text(const Knob& knob) {
  return "[" + bound_text(knob.min) + ", " + bound_text(knob.max) + "]";
}

bool knob_is_numeric(const Knob& knob) {
  return knob.type == Knob::Type::integer || knob.type == Knob::Type::real;
}

void check_knob_value(const Knob& knob, const Value& value, const std::string& key) {
  switch (knob.type) {
    case Knob::Type::integer: return check_integer(knob, value, key);
    case Knob::Type::real: return check_real(knob, value, key);
    case Knob::Type::string: return check_choice(knob, value, key);
    case Knob::Type::boolean:
      if (!value.is_bool()) fail(value, key, "expected true or false, got " + value.to_string());
      return;
    case Knob::Type::int_list: return check_int_list(knob, value, key);
    case Knob::Type::any: return;
  }
}

}  // namespace vmsweep::sweep
