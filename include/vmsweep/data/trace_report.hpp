#pragma once
// What loading and cleaning found in a trace, for `vmsweep data inspect` and trial logs.
#include <cstddef>
#include <cstdint>
#include <string>

namespace vmsweep::data {

struct TraceReport {
  std::string file;
  char delimiter = '\t';
  std::string timestamp_column;   // header name, or "none"
  std::string value_column;
  bool value_column_automatic = false;  // chosen by `value: auto` as the only plausible one
  std::string columns;            // the columns besides the timestamp, marked (value_column.hpp)
  std::string timestamp_form;     // "iso8601", "epoch seconds", "epoch milliseconds", "relative seconds", "none"
  std::size_t rows = 0;           // data rows read
  std::int64_t first_ms = 0;      // raw span, after sorting
  std::int64_t last_ms = 0;
  std::int64_t interval_ms = 0;   // nominal interval (given or detected)
  bool interval_detected = false;
  bool was_sorted = true;
  std::size_t duplicates = 0;     // rows dropped because a later row had the same timestamp
  std::size_t gaps = 0;           // places where consecutive timestamps are more than one interval apart
  std::size_t missing_steps = 0;  // steps absent inside those gaps
  std::size_t invalid = 0;        // values below invalid_below
  std::size_t negative = 0;       // values below zero (a load cannot be negative: often an outage marker)
  double min = 0, mean = 0, max = 0;  // of the valid raw values
  std::size_t steps = 0;          // series length after cleaning and resampling
  std::size_t filled = 0;         // steps whose value was filled (ffill / linear)
  std::size_t dropped = 0;        // steps dropped (missing: none)
};

}  // namespace vmsweep::data
