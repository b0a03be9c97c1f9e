#include "checks.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

namespace {

// Levenshtein distance with one rolling row.
std::size_t levenshtein(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 0; i < a.size(); ++i) {
    current[0] = i + 1;
    for (std::size_t j = 0; j < b.size(); ++j) {
      const std::size_t replace = previous[j] + (a[i] == b[j] ? 0 : 1);
      current[j + 1] = std::min({previous[j + 1] + 1, current[j] + 1, replace});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string kind_of(const Value& value) {
  return Value::kind_name(value.kind()) + (value.is_null() ? std::string() : " (" + value.to_string() + ")");
}

}  // namespace

void fail(const Value& at, std::string_view key, const std::string& message) {
  throw InputError(at.mark(), "key '" + std::string(key) + "': " + message);
}

std::string closest_name(std::string_view word, std::span<const std::string_view> candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = levenshtein(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  const std::string best = closest_name(word, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

void check_keys(const Value& map, std::span<const std::string_view> allowed, std::string_view section) {
  for (const auto& [key, value] : map.as_map()) {
    if (std::ranges::find(allowed, key) != allowed.end()) continue;
    const std::string where = section.empty() ? "the sweep file" : "'" + std::string(section) + "'";
    const std::string path = section.empty() ? key : std::string(section) + "." + key;
    fail(value, path, "unknown key in " + where + did_you_mean(key, allowed));
  }
}

const Value& require_map(const Value& value, std::string_view key) {
  if (!value.is_map()) fail(value, key, "expected a mapping, got " + kind_of(value));
  return value;
}

std::int64_t positive_int(const Value& value, std::string_view key) {
  if (!value.is_int()) fail(value, key, "expected a positive integer, got " + kind_of(value));
  const std::int64_t number = value.as_int();
  if (number < 1) fail(value, key, "expected a positive integer, got " + std::to_string(number));
  return number;
}

double finite_number(const Value& value, std::string_view key) {
  if (!value.is_number()) fail(value, key, "expected a number, got " + kind_of(value));
  const double number = value.as_double();
  if (!std::isfinite(number)) fail(value, key, "expected a finite number, got " + value.to_string());
  return number;
}

const std::string& nonempty_string(const Value& value, std::string_view key) {
  if (!value.is_string() || value.as_string().empty())
    fail(value, key, "expected a non-empty string, got " + (value.is_string() ? "an empty one" : kind_of(value)));
  return value.as_string();
}

}  // namespace vmsweep::sweep
