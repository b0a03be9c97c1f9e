#pragma once
// Parsing the rows of one chunk of a trace: the per-row work of read_trace, kept free of threads.
#include <cstddef>
#include <cstdint>
#include <string>

#include "vmsweep/data/data_spec.hpp"

namespace vmsweep::data {

// A block of whole lines, and where its rows and lines fall in the file.
struct Chunk {
  const char* first = nullptr;
  const char* last = nullptr;
  std::size_t first_row = 0;   // 0-based index of its first data row
  std::size_t rows = 0;        // non-blank lines
  std::size_t first_line = 0;  // 1-based line number of its first line in the file
  std::size_t lines = 0;
};

struct ParseFailure {
  std::size_t line = 0;  // 0: no failure
  std::size_t column = 0;
  std::string message;
};

struct RowFormat {
  char delimiter = '\t';
  int timestamp_field = 0;  // 0-based; -1: no timestamp column
  int value_field = 1;
  TimestampUnit unit = TimestampUnit::iso8601;  // never auto_detect here
  std::int64_t interval_ms = 0;                 // timestamps of a file without a timestamp column

  int fields_needed() const { return std::max(timestamp_field, value_field) + 1; }
};

// Counts the lines and non-blank rows of a chunk.
void count_rows(Chunk& chunk);
// Parses the chunk's rows into timestamps_ms[first_row..] and values[first_row..]; stops at the
// first bad field and describes it.
ParseFailure parse_rows(const Chunk& chunk, const RowFormat& format, std::int64_t* timestamps_ms, double* values);
// The unit `auto` stands for, judged from one timestamp field: ISO 8601 if it is not a number,
// otherwise milliseconds when it is at least 1e11 (1973 in ms, year 5138 in seconds), else seconds.
TimestampUnit detect_unit(std::string_view field);

}  // namespace vmsweep::data
