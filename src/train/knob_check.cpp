#include "knob_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "vmsweep/common/did_you_mean.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::train {

namespace {

std::string format_bound(double bound) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", bound);
  return text;
}

std::string range_text(const Knob& knob) {
  return "[" + format_bound(knob.min) + ", " + format_bound(knob.max) + "]";
}

[[noreturn]] void reject(const Knob& knob, const Value& value, const std::string& expected) {
  throw InputError(value.mark(), "parameter '" + std::string(knob.name) + "': expected " + expected +
                                     ", got " + value.to_string());
}

void check_number(const Knob& knob, const Value& value, double number, const char* what) {
  if (std::isnan(number) || number < knob.min || number > knob.max)
    reject(knob, value, std::string(what) + " in " + range_text(knob));
}

void check_choice(const Knob& knob, const Value& value) {
  const std::string& text = value.as_string("parameter '" + std::string(knob.name) + "'");
  if (knob.choices.empty() || std::ranges::find(knob.choices, text) != knob.choices.end()) return;
  std::string expected = "one of";
  for (std::string_view choice : knob.choices) expected += " " + std::string(choice);
  reject(knob, value, expected);
}

void check_int_list(const Knob& knob, const Value& value) {
  const std::string what = "parameter '" + std::string(knob.name) + "'";
  if (value.is_number()) return check_number(knob, value, static_cast<double>(value.as_int(what)), "an integer");
  const Value::List& items = value.as_list(what);
  if (items.empty()) reject(knob, value, "a non-empty list of integers");
  for (const Value& item : items) check_number(knob, item, static_cast<double>(item.as_int(what)), "integers");
}

std::vector<int> parse_int_list(std::string_view text) {
  std::vector<int> numbers;
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (!digits.empty()) {
      numbers.push_back(std::stoi(digits));
      digits.clear();
    }
  }
  if (!digits.empty()) numbers.push_back(std::stoi(digits));
  return numbers;
}

}  // namespace

void check_knob_value(const Knob& knob, const Value& value) {
  const std::string what = "parameter '" + std::string(knob.name) + "'";
  switch (knob.type) {
    case Knob::Type::integer: return check_number(knob, value, static_cast<double>(value.as_int(what)), "an integer");
    case Knob::Type::real: return check_number(knob, value, value.as_double(what), "a number");
    case Knob::Type::string: return check_choice(knob, value);
    case Knob::Type::boolean: value.as_bool(what); return;
    case Knob::Type::int_list: return check_int_list(knob, value);
    case Knob::Type::any: return;
  }
}

std::optional<Value> knob_default(const Knob& knob) {
  if (knob.default_text.empty()) return std::nullopt;
  const std::string text(knob.default_text);
  switch (knob.type) {
    case Knob::Type::integer: return Value(std::int64_t{std::stoll(text)});
    case Knob::Type::real: return Value(std::stod(text));
    case Knob::Type::boolean: return Value(text == "true");
    case Knob::Type::int_list: {
      Value::List items;
      for (int number : parse_int_list(text)) items.emplace_back(number);
      return Value(std::move(items));
    }
    case Knob::Type::string:
    case Knob::Type::any: return Value(text);
  }
  return std::nullopt;
}

std::string closest_knob_name(std::string_view name, std::span<const Knob> knobs) {
  std::vector<std::string_view> names;
  for (const Knob& knob : knobs) names.push_back(knob.name);
  return closest_name(name, names);
}

}  // namespace vmsweep::train
