#include "trace_reader.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>

#include "mapped_file.hpp"
#include "row_parser.hpp"
#include "table_header.hpp"
#include "text_fields.hpp"
#include "value_column.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

// Big enough that a chunk's bookkeeping is noise, small enough that two threads balance and that
// released pages keep the resident set small.
constexpr std::size_t kChunkBytes = std::size_t{4} << 20;

std::vector<Chunk> cut_chunks(std::string_view body) {
  std::vector<Chunk> chunks;
  const char* p = body.data();
  const char* last = body.data() + body.size();
  while (p < last) {
    const char* cut = p + std::min(kChunkBytes, static_cast<std::size_t>(last - p));
    if (cut < last) {
      const void* newline = std::memchr(cut, '\n', static_cast<std::size_t>(last - cut));
      cut = newline ? static_cast<const char*>(newline) + 1 : last;
    }
    chunks.push_back({p, cut});
    p = cut;
  }
  return chunks;
}

// Counts rows per chunk in parallel, then numbers them with a prefix sum; returns the row total.
std::size_t number_rows(std::vector<Chunk>& chunks, const MappedFile& file) {
  tbb::parallel_for(std::size_t{0}, chunks.size(), [&](std::size_t i) {
    count_rows(chunks[i]);
    file.release(chunks[i].first, chunks[i].last);
  });
  std::size_t rows = 0, line = 2;  // line 1 is the header
  for (Chunk& chunk : chunks) {
    chunk.first_row = rows;
    chunk.first_line = line;
    rows += chunk.rows;
    line += chunk.lines;
  }
  return rows;
}

std::string_view first_data_line(std::string_view body) {
  for (std::size_t start = 0; start < body.size();) {
    std::size_t end = std::min(body.find('\n', start), body.size());
    std::string_view line = body.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return line;
    start = end + 1;
  }
  return {};
}

TimestampUnit resolve_unit(const DataSpec& spec, const RowFormat& format, std::string_view body) {
  if (spec.timestamp_unit != TimestampUnit::auto_detect || format.timestamp_field < 0) return spec.timestamp_unit;
  std::string_view line = first_data_line(body);
  std::vector<Field> fields(static_cast<std::size_t>(format.fields_needed()));
  int found = 0;
  split_line(line.data(), line.data() + line.size(), format.delimiter, fields.data(), format.fields_needed(), found);
  return found > format.timestamp_field ? detect_unit(fields[format.timestamp_field].view()) : TimestampUnit::iso8601;
}

const char* form_name(TimestampUnit unit, int timestamp_field, std::int64_t first_ms) {
  if (timestamp_field < 0) return "none (row number x interval)";
  switch (unit) {
    case TimestampUnit::iso8601: return "ISO 8601";
    case TimestampUnit::milliseconds: return "Unix epoch milliseconds";
    default: return first_ms >= 100'000'000'000 ? "Unix epoch seconds" : "seconds (relative or early epoch)";
  }
}

void parse_chunks(const std::vector<Chunk>& chunks, const RowFormat& format, Series& trace,
                  const MappedFile& file, const std::string& path) {
  std::vector<ParseFailure> failures(chunks.size());
  tbb::parallel_for(std::size_t{0}, chunks.size(), [&](std::size_t i) {
    failures[i] = parse_rows(chunks[i], format, trace.timestamps_ms.data(), trace.values.data());
    file.release(chunks[i].first, chunks[i].last);
  });
  // The earliest failure in the file, whatever order the threads met them in.
  for (const ParseFailure& failure : failures)
    if (failure.line > 0)
      throw InputError(SourceMark{path, static_cast<int>(failure.line), static_cast<int>(failure.column)}, failure.message);
}

}  // namespace

Series read_trace(const DataSpec& spec, TraceReport& report) {
  const std::string path = spec.path.string();
  MappedFile file(spec.path);
  const TableHeader header = read_header(file.text(), spec.delimiter, path);
  RowFormat format;
  format.delimiter = header.delimiter;
  format.timestamp_field = header.resolve(spec.timestamp, "timestamp", path);
  const std::string_view body = file.text().substr(header.body_offset);
  const std::vector<ColumnSurvey> survey = survey_columns(header, body, format.timestamp_field);
  format.value_field = spec.value.automatic ? automatic_value_column(survey, path) : header.resolve(spec.value, "value", path);
  format.interval_ms = spec.interval_ms;
  format.unit = resolve_unit(spec, format, body);

  std::vector<Chunk> chunks = cut_chunks(body);
  Series trace;
  const std::size_t rows = number_rows(chunks, file);
  trace.timestamps_ms.resize(rows);
  trace.values.resize(rows);
  parse_chunks(chunks, format, trace, file, path);

  report.file = path;
  report.delimiter = header.delimiter;
  report.timestamp_column = format.timestamp_field < 0 ? "none" : header.names[format.timestamp_field];
  report.value_column = header.names[format.value_field];
  report.value_column_automatic = spec.value.automatic;
  report.columns = survey_listing(survey);
  report.timestamp_form = form_name(format.unit, format.timestamp_field, rows ? trace.timestamps_ms.front() : 0);
  report.rows = rows;
  return trace;
}

}  // namespace vmsweep::data
