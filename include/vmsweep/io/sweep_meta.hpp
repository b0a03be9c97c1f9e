#pragma once
// What describes a sweep as a whole: stored as attributes of /sweep in the stamp and results files.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vmsweep::io {

using TimePoint = std::chrono::system_clock::time_point;

struct SweepMeta {
  std::string name;
  std::string method;        // grid | random | tpe | ...
  std::string metric;        // e.g. val_mse
  std::string metric_goal;   // minimize | maximize
  std::string sweep_text;    // the sweep file exactly as read
  std::string sweep_hash;    // sweep_hash(sweep_text)
  std::int64_t seed = 0;
  std::string vmsweep_version;  // filled in by the writers
  TimePoint started{};
  TimePoint finished{};      // epoch (zero) while the sweep has not finished
  int ranks = 1;
  std::vector<std::string> hosts;
  // A fleet's traces the preflight skipped (data.skip_bad), each "<trace id>: <why>".
  std::vector<std::string> skipped_traces;
};

// A fingerprint of the sweep file's text, "fnv1a64:<16 hex digits>". It detects a changed file
// on resume; it is not a cryptographic hash.
std::string sweep_hash(std::string_view sweep_text);

// ISO 8601 UTC with milliseconds: 2026-11-29T15:46:22.123Z. Parsing accepts what formatting writes.
std::string iso8601_utc(TimePoint time);
TimePoint parse_iso8601_utc(const std::string& text);  // throws Error on malformed text

}  // namespace vmsweep::io
