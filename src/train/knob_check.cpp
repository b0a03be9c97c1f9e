#include "knob_check.hpp"

#include <string>
#include <vector>

#include "vmsweep/common/did_you_mean.hpp"

namespace vmsweep::train {

namespace {

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
