#include "vmsweep/io/sweep_meta.hpp"

#include <cstdio>
#include <ctime>

#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

std::string sweep_hash(std::string_view sweep_text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a offset basis and prime
  for (unsigned char byte : sweep_text) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("fnv1a64:") + hex;
}

std::string iso8601_utc(TimePoint time) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[80];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>((ms % 1000 + 1000) % 1000));
  return text;
}

TimePoint parse_iso8601_utc(const std::string& text) {
  std::tm utc{};
  int millis = 0;
  int fields = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &utc.tm_year, &utc.tm_mon, &utc.tm_mday,
                           &utc.tm_hour, &utc.tm_min, &utc.tm_sec, &millis);
  if (fields != 7) throw Error("malformed ISO 8601 UTC time '" + text + "' (expected 2026-01-31T12:00:00.000Z)");
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  return std::chrono::system_clock::from_time_t(timegm(&utc)) + std::chrono::milliseconds(millis);
}

}  // namespace vmsweep::io
