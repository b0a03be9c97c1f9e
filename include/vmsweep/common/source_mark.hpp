#pragma once
#include <string>

namespace vmsweep {

// Where a value came from, so an error can point at the file, line and column.
struct SourceMark {
  std::string file;  // empty when the value was built in code
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown

  bool known() const { return !file.empty() || line > 0; }
  // "FILE:LINE:COL", "FILE:LINE", "FILE", or "" when nothing is known.
  std::string to_string() const;
};

}  // namespace vmsweep
