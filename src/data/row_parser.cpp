#include "row_parser.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include "text_fields.hpp"
#include "vmsweep/data/timestamps.hpp"

namespace vmsweep::data {

namespace {

inline bool is_blank_line(const char* p, const char* end) {
  while (p != end && (*p == ' ' || *p == '\t' || *p == '\r')) ++p;
  return p == end;
}

// A number that fills the whole field ('+' allowed, as from_chars does not).
inline bool parse_number(Field field, double& out) {
  if (field.first != field.last && *field.first == '+') ++field.first;
  auto [end, ec] = std::from_chars(field.first, field.last, out);
  return ec == std::errc{} && end == field.last && field.first != field.last;
}

inline bool parse_timestamp(Field field, TimestampUnit unit, std::int64_t& out) {
  if (unit == TimestampUnit::iso8601) return parse_iso8601(field.first, field.last, out);
  if (unit == TimestampUnit::milliseconds) {
    auto [end, ec] = std::from_chars(field.first, field.last, out);
    if (ec == std::errc{} && end == field.last && field.first != field.last) return true;
  }
  constexpr double kLargest = 9e15;  // beyond this an epoch time is nonsense and llround overflows
  double number = 0;
  if (!parse_number(field, number) || !(std::fabs(number) < kLargest)) return false;
  out = std::llround(unit == TimestampUnit::seconds ? number * 1000.0 : number);
  return true;
}

std::string quoted(Field field) {
  constexpr std::size_t kMaxShown = 40;
  const std::string_view text = field.view();
  std::string shown(1, '\'');  // appended, not "'" + string: g++ 12 warns falsely (-Wrestrict) on that
  shown.append(text.substr(0, kMaxShown)).append(text.size() > kMaxShown ? "...'" : "'");
  return shown;
}

std::string delimiter_text(char delimiter) {
  switch (delimiter) {
    case '\t': return "tabs";
    case ',': return "commas";
    case ';': return "semicolons";
    default: return std::string("'") + delimiter + "'";
  }
}

std::string expected_timestamp(TimestampUnit unit) {
  switch (unit) {
    case TimestampUnit::iso8601: return "an ISO 8601 date-time such as 2013-01-01 00:00:00";
    case TimestampUnit::milliseconds: return "Unix epoch milliseconds";
    default: return "a number of seconds";
  }
}

ParseFailure describe_row(const char* line, const char* end, const Field* fields, int found, const RowFormat& format) {
  ParseFailure failure;
  auto column_of = [line](Field f) { return static_cast<std::size_t>(f.first - line) + 1; };
  if (found < format.fields_needed()) {
    failure.column = static_cast<std::size_t>(end - line) + 1;
    failure.message = "expected at least " + std::to_string(format.fields_needed()) + " fields separated by " +
                      delimiter_text(format.delimiter) + ", found " + std::to_string(found);
    return failure;
  }
  const Field value = fields[format.value_field];
  double number = 0;
  if (!parse_number(value, number)) {
    failure.column = column_of(value);
    failure.message = "value " + quoted(value) + " is not a number";
  } else if (!std::isfinite(number)) {
    failure.column = column_of(value);
    failure.message = "value " + quoted(value) + " is NaN or infinite (mark missing values with a number and invalid_below)";
  } else {
    const Field stamp = fields[format.timestamp_field];
    failure.column = column_of(stamp);
    failure.message = "timestamp " + quoted(stamp) + " does not parse: expected " + expected_timestamp(format.unit);
  }
  return failure;
}

}  // namespace

void count_rows(Chunk& chunk) {
  chunk.rows = chunk.lines = 0;
  for (const char* p = chunk.first; p < chunk.last;) {
    const char* end = line_end(p, chunk.last);
    chunk.rows += !is_blank_line(p, end);
    ++chunk.lines;
    p = end + 1;
  }
}

// Parses one row's fields into values[row] and timestamps_ms[row]; false if any does not parse.
inline bool parse_row(const Field* fields, int found, const RowFormat& format, std::size_t row,
                      std::int64_t* timestamps_ms, double* values) {
  if (found < format.fields_needed() || !parse_number(fields[format.value_field], values[row]) || !std::isfinite(values[row]))
    return false;
  if (format.timestamp_field >= 0) return parse_timestamp(fields[format.timestamp_field], format.unit, timestamps_ms[row]);
  timestamps_ms[row] = static_cast<std::int64_t>(row) * format.interval_ms;
  return true;
}

ParseFailure parse_rows(const Chunk& chunk, const RowFormat& format, std::int64_t* timestamps_ms, double* values) {
  std::vector<Field> fields(static_cast<std::size_t>(format.fields_needed()));
  std::size_t row = chunk.first_row;
  std::size_t line_number = chunk.first_line;
  for (const char* p = chunk.first; p < chunk.last; ++line_number) {
    int found = 0;
    const char* end = split_line(p, chunk.last, format.delimiter, fields.data(), format.fields_needed(), found);
    if (parse_row(fields.data(), found, format, row, timestamps_ms, values)) {
      ++row;
    } else if (!is_blank_line(p, end)) {  // blank lines are skipped, as count_rows did
      ParseFailure failure = describe_row(p, end, fields.data(), found, format);
      failure.line = line_number;
      return failure;
    }
    p = end + 1;
  }
  return {};
}

TimestampUnit detect_unit(std::string_view text) {
  double number = 0;
  if (!parse_number({text.data(), text.data() + text.size()}, number)) return TimestampUnit::iso8601;
  return std::fabs(number) >= 1e11 ? TimestampUnit::milliseconds : TimestampUnit::seconds;
}

}  // namespace vmsweep::data
