#include "table_header.hpp"

#include <algorithm>
#include <charconv>

#include "text_fields.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

char detect_delimiter(std::string_view line) {
  for (char candidate : {';', '\t', ','})
    if (line.find(candidate) != std::string_view::npos) return candidate;
  return ',';
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int index_from_text(std::string_view text) {
  int index = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
  return ec == std::errc{} && end == text.data() + text.size() ? index : 0;
}

int find_name(const std::vector<std::string>& names, std::string_view wanted) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == wanted) return static_cast<int>(i);
  for (std::size_t i = 0; i < names.size(); ++i)
    if (same_ignoring_case(names[i], wanted)) return static_cast<int>(i);
  return -1;
}

bool has_data_line(std::string_view body) {
  return body.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

}  // namespace

std::string TableHeader::listing() const {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + std::to_string(i + 1) + " '" + names[i] + "'";
  return text;
}

int TableHeader::resolve(const ColumnRef& column, std::string_view role, const std::string& file) const {
  if (column.none) return -1;
  int index = column.index > 0 ? column.index - 1 : find_name(names, column.name);
  if (index < 0 && column.index == 0) index = index_from_text(column.name) - 1;
  if (index >= 0 && index < static_cast<int>(names.size())) return index;
  throw InputError(file + ": no " + std::string(role) + " column " + column.to_string() + "; the columns are " + listing());
}

TableHeader read_header(std::string_view text, char delimiter, const std::string& file) {
  std::size_t skipped = 0;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(skipped = 3);  // UTF-8 byte-order mark
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) throw InputError(file + ": the file is empty");
  std::size_t end = std::min(text.find('\n'), text.size());
  std::string_view line = text.substr(0, end);
  TableHeader header;
  header.delimiter = delimiter ? delimiter : detect_delimiter(line);
  header.body_offset = skipped + std::min(end + 1, text.size());
  for (const char* first = line.data(); ;) {
    const char* last = line.data() + line.size();
    const char* hit = std::find(first, last, header.delimiter);
    header.names.emplace_back(trim_field(first, hit, header.delimiter).view());
    if (hit == last) break;
    first = hit + 1;
  }
  if (!has_data_line(text.substr(std::min(end + 1, text.size()))))
    throw InputError(file + ": no data rows after the header line");
  return header;
}

}  // namespace vmsweep::data
