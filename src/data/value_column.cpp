#include "value_column.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "text_fields.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

// Enough rows to see a column vary (a month of 5-minute samples has 8640), few enough to stay instant.
constexpr int kSurveyRows = 2000;

bool read_number(std::string_view text, double& out) {
  if (text.starts_with('+')) text.remove_prefix(1);
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool named_like_load(std::string_view name) {
  static constexpr std::array<std::string_view, 6> words{"cpu usage", "cpu_usage", "cpu util", "load", "request", "util"};
  const std::string text = lower(name);
  return std::ranges::any_of(words, [&](std::string_view word) { return text.find(word) != std::string::npos; });
}

struct Sample {
  bool numeric = true, seen = false, varies = false;
  double first = 0;

  void add(std::string_view field) {
    if (field.empty()) return;  // a missing value says nothing about the column
    double number = 0;
    if (!read_number(field, number)) {
      numeric = false;
      return;
    }
    if (seen && number != first) varies = true;
    if (!seen) first = number, seen = true;
  }
};

std::vector<Sample> sample_rows(std::string_view body, char delimiter, std::size_t columns) {
  std::vector<Sample> samples(columns);
  std::vector<Field> fields(columns);
  const char* p = body.data();
  const char* last = body.data() + body.size();
  for (int rows = 0; p < last && rows < kSurveyRows; ++p) {
    int found = 0;
    const char* end = split_line(p, last, delimiter, fields.data(), static_cast<int>(columns), found);
    const bool blank = found == 1 && fields[0].view().empty();
    for (int i = 0; i < found && !blank; ++i) samples[static_cast<std::size_t>(i)].add(fields[static_cast<std::size_t>(i)].view());
    rows += blank ? 0 : 1;
    p = end;
  }
  return samples;
}

std::string note(const ColumnSurvey& column) {
  if (!column.numeric) return " (not numeric)";
  if (column.constant) return " (constant)";
  return column.likely_load ? " (likely load)" : "";
}

}  // namespace

std::vector<ColumnSurvey> survey_columns(const TableHeader& header, std::string_view body, int timestamp_field) {
  const std::vector<Sample> samples = sample_rows(body, header.delimiter, header.names.size());
  std::vector<ColumnSurvey> columns;
  for (std::size_t i = 0; i < header.names.size(); ++i) {
    if (static_cast<int>(i) == timestamp_field) continue;
    const Sample& s = samples[i];
    ColumnSurvey column{header.names[i], static_cast<int>(i), s.numeric && s.seen, s.numeric && s.seen && !s.varies, false};
    column.likely_load = column.plausible() && named_like_load(column.name);
    columns.push_back(std::move(column));
  }
  return columns;
}

std::string survey_listing(const std::vector<ColumnSurvey>& columns) {
  std::string text;
  for (const ColumnSurvey& column : columns)
    text += (text.empty() ? "" : ", ") + std::to_string(column.index + 1) + " '" + column.name + "'" + note(column);
  return text;
}

int automatic_value_column(const std::vector<ColumnSurvey>& columns, const std::string& file) {
  if (columns.size() == 1) return columns.front().index;  // the only candidate: its rows say what is wrong with it
  const auto plausible = std::ranges::count_if(columns, &ColumnSurvey::plausible);
  if (plausible == 1) return std::ranges::find_if(columns, &ColumnSurvey::plausible)->index;
  const std::string what = plausible == 0 ? "no numeric column that varies could be the value"
                                          : std::to_string(plausible) + " numeric columns could be the value";
  throw InputError(file + ": " + what + "; name it in the data block (value: NAME or a 1-based index; --value for data inspect). The columns: " +
                   survey_listing(columns));
}

}  // namespace vmsweep::data
