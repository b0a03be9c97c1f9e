// Frequencies the way pandas writes them (5min, 15min, H, D, W), as a multiple of a unit.
#include <array>
#include <charconv>

#include "vmsweep/common/error.hpp"
#include "vmsweep/data/data_spec.hpp"

namespace vmsweep::data {

namespace {

struct PeriodUnit {
  std::string_view name;
  std::int64_t ms;
};

constexpr std::int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute, kDay = 24 * kHour;

constexpr std::array<PeriodUnit, 14> kUnits{{
    {"ms", 1}, {"L", 1}, {"s", kSecond}, {"S", kSecond}, {"min", kMinute}, {"T", kMinute},
    {"h", kHour}, {"H", kHour}, {"d", kDay}, {"D", kDay}, {"w", 7 * kDay}, {"W", 7 * kDay},
    {"sec", kSecond}, {"hour", kHour}}};

}  // namespace

std::int64_t parse_period(std::string_view text, const SourceMark& mark) {
  std::int64_t count = 1;
  const char* first = text.data();
  const char* last = first + text.size();
  auto [rest, ec] = std::from_chars(first, last, count);
  if (ec != std::errc{}) rest = first, count = 1;
  std::string_view unit(rest, static_cast<std::size_t>(last - rest));
  for (const PeriodUnit& candidate : kUnits)
    if (unit == candidate.name && count >= 1) return count * candidate.ms;
  throw InputError(mark, "'" + std::string(text) + "' is not a frequency (expected e.g. 30s, 5min, 15min, H, 2H, D, W)");
}

std::string format_period(std::int64_t period_ms) {
  constexpr std::array<PeriodUnit, 6> kNames{{
      {"W", 7 * kDay}, {"D", kDay}, {"H", kHour}, {"min", kMinute}, {"s", kSecond}, {"ms", 1}}};
  for (const PeriodUnit& unit : kNames)
    if (period_ms >= unit.ms && period_ms % unit.ms == 0) return std::to_string(period_ms / unit.ms) + std::string(unit.name);
  return std::to_string(period_ms) + "ms";
}

}  // namespace vmsweep::data
