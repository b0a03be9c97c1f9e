#include "vmsweep/data/timestamps.hpp"

namespace vmsweep::data {

namespace {

constexpr bool is_leap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

constexpr unsigned days_in_month(std::int64_t year, unsigned month) {
  constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` digits at `p`; false if any is not a digit.
inline bool read_digits(const char*& p, const char* last, int count, unsigned& out) {
  if (last - p < count) return false;
  unsigned value = 0;
  for (int i = 0; i < count; ++i) {
    unsigned digit = static_cast<unsigned>(p[i] - '0');
    if (digit > 9) return false;
    value = value * 10 + digit;
  }
  p += count;
  out = value;
  return true;
}

inline bool expect(const char*& p, const char* last, char c) {
  if (p == last || *p != c) return false;
  ++p;
  return true;
}

// [.fraction] after the seconds, as milliseconds (digits past the third are truncated).
inline bool read_fraction(const char*& p, const char* last, std::int64_t& millis) {
  millis = 0;
  if (p == last || (*p != '.' && *p != ',')) return true;
  ++p;
  int digits = 0;
  for (; p != last && static_cast<unsigned>(*p - '0') <= 9; ++p, ++digits)
    if (digits < 3) millis = millis * 10 + (*p - '0');
  for (int i = digits; i < 3; ++i) millis *= 10;
  return digits > 0;
}

// Z, +HH:MM, +HHMM, +HH or nothing; the result is what to subtract to get UTC.
inline bool read_zone(const char*& p, const char* last, std::int64_t& offset_ms) {
  offset_ms = 0;
  if (p == last) return true;
  if (*p == 'Z') return ++p, true;
  if (*p != '+' && *p != '-') return false;
  const int sign = *p++ == '-' ? -1 : 1;
  unsigned hours = 0, minutes = 0;
  if (!read_digits(p, last, 2, hours)) return false;
  if (p != last) {
    expect(p, last, ':');
    if (!read_digits(p, last, 2, minutes)) return false;
  }
  offset_ms = sign * static_cast<std::int64_t>(hours * 60 + minutes) * 60'000;
  return hours <= 23 && minutes <= 59;
}

inline bool read_time(const char*& p, const char* last, std::int64_t& millis_of_day) {
  unsigned hour = 0, minute = 0, second = 0;
  std::int64_t fraction = 0;
  if (!read_digits(p, last, 2, hour) || !expect(p, last, ':') || !read_digits(p, last, 2, minute)) return false;
  if (p != last && *p == ':' && (++p, !read_digits(p, last, 2, second) || !read_fraction(p, last, fraction))) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  millis_of_day = (static_cast<std::int64_t>(hour) * 3600 + minute * 60 + second) * 1000 + fraction;
  return true;
}

char* write_digits(char* out, unsigned value, int count) {
  for (int i = count - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out + count;
}

}  // namespace

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2), month, day};
}

bool parse_iso8601(const char* first, const char* last, std::int64_t& epoch_ms) {
  const char* p = first;
  unsigned year = 0, month = 0, day = 0;
  if (!read_digits(p, last, 4, year) || !expect(p, last, '-') || !read_digits(p, last, 2, month) ||
      !expect(p, last, '-') || !read_digits(p, last, 2, day))
    return false;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return false;
  std::int64_t millis_of_day = 0, offset_ms = 0;
  if (p != last && (*p == ' ' || *p == 'T')) {
    ++p;
    if (!read_time(p, last, millis_of_day)) return false;
  }
  if (!read_zone(p, last, offset_ms) || p != last) return false;
  epoch_ms = days_from_civil(year, month, day) * kMillisPerDay + millis_of_day - offset_ms;
  return true;
}

char* format_iso8601(std::int64_t epoch_ms, char* out) {
  const std::int64_t days = floor_div(epoch_ms, kMillisPerDay);
  const auto millis_of_day = static_cast<unsigned>(epoch_ms - days * kMillisPerDay);
  const CivilDate date = civil_from_days(days);
  out = write_digits(out, static_cast<unsigned>(date.year), 4);
  *out++ = '-';
  out = write_digits(out, date.month, 2);
  *out++ = '-';
  out = write_digits(out, date.day, 2);
  *out++ = ' ';
  out = write_digits(out, millis_of_day / 3'600'000, 2);
  *out++ = ':';
  out = write_digits(out, millis_of_day / 60'000 % 60, 2);
  *out++ = ':';
  out = write_digits(out, millis_of_day / 1000 % 60, 2);
  if (millis_of_day % 1000 == 0) return out;
  *out++ = '.';
  return write_digits(out, millis_of_day % 1000, 3);
}

std::string format_iso8601(std::int64_t epoch_ms) {
  char buffer[32];
  return std::string(buffer, format_iso8601(epoch_ms, buffer));
}

}  // namespace vmsweep::data
