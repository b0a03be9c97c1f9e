#pragma once
// The header line of a trace: which delimiter the file uses and what its columns are called.
#include <string>
#include <string_view>
#include <vector>

#include "vmsweep/data/data_spec.hpp"

namespace vmsweep::data {

struct TableHeader {
  char delimiter = ',';
  std::vector<std::string> names;
  std::size_t body_offset = 0;  // where the first data line starts in the text

  // 0-based position of a column, or -1 for `none`. InputError listing the columns when it is unknown.
  int resolve(const ColumnRef& column, std::string_view role, const std::string& file) const;
  std::string listing() const;  // 1 'datetime', 2 'data_hourly'
};

// `delimiter` 0 detects: a semicolon wins (`;` followed by blanks included), then a tab, then a comma.
// InputError for an empty file or a file without data rows.
TableHeader read_header(std::string_view text, char delimiter, const std::string& file);

}  // namespace vmsweep::data
