#include "checks.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace vmsweep::sweep {

void check_keys(const Value& map, std::span<const std::string_view> allowed, std::string_view section) {
  for (const auto& [key, value] : map.as_map()) {
    if (std::ranges::find(allowed, key) != allowed.end()) continue;
    const std::string where = section.empty() ? "the sweep file" : "'" + std::string(section) + "'";
    const std::string path = section.empty() ? key : std::string(section) + "." + key;
    fail(value, path, "unknown key in " + where + did_you_mean(key, allowed));
  }
}

const Value& require_map(const Value& value, std::string_view key) {
  if (!value.is_map()) fail(value, key, "expected a mapping, got " + value.description());
  return value;
}

std::int64_t positive_int(const Value& value, std::string_view key) {
  if (!value.is_int()) fail(value, key, "expected a positive integer, got " + value.description());
  const std::int64_t number = value.as_int();
  if (number < 1) fail(value, key, "expected a positive integer, got " + std::to_string(number));
  return number;
}

double finite_number(const Value& value, std::string_view key) {
  if (!value.is_number()) fail(value, key, "expected a number, got " + value.description());
  const double number = value.as_double();
  if (!std::isfinite(number)) fail(value, key, "expected a finite number, got " + value.to_string());
  return number;
}

const std::string& nonempty_string(const Value& value, std::string_view key) {
  if (!value.is_string() || value.as_string().empty())
    fail(value, key, "expected a non-empty string, got " + (value.is_string() ? "an empty one" : value.description()));
  return value.as_string();
}

}  // namespace vmsweep::sweep
