#pragma once
// UTC calendar arithmetic and ISO 8601 text for Unix-epoch milliseconds, without locale or time-zone
// machinery (and fast enough for ten million rows).
#include <cstdint>
#include <string>

namespace vmsweep::data {

inline constexpr std::int64_t kMillisPerDay = 86'400'000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};
CivilDate civil_from_days(std::int64_t days);

// Floor division for negative times too.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Parses YYYY-MM-DD, optionally followed by ' ' or 'T' and HH:MM[:SS[.fraction]], then an optional
// 'Z' or +HH:MM / -HHMM offset. Returns false when [first, last) is anything else.
bool parse_iso8601(const char* first, const char* last, std::int64_t& epoch_ms);

// "2013-01-01 00:00:00" (milliseconds appended only when not zero). Writes at most 24 characters to
// `out` and returns the end.
char* format_iso8601(std::int64_t epoch_ms, char* out);
std::string format_iso8601(std::int64_t epoch_ms);

}  // namespace vmsweep::data
