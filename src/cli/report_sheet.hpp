#pragma once
// What `vmsweep report` prints, before it is formatted: named sections of rows, each cell a Value
// (null for "not applicable"). One sheet renders as an aligned text table, CSV, JSON or Markdown.
#include <ostream>
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"

namespace vmsweep::cli {

struct Section {
  std::string name;                      // key in JSON, selector for CSV: leaderboard, effects, ...
  std::string title;                     // heading in text and Markdown
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // each row has columns.size() cells

  void add_row(std::vector<Value> cells);
};

enum class ReportFormat { table, csv, json, markdown };
ReportFormat report_format_from_string(const std::string& text);  // InputError otherwise

// text / markdown: every section with a heading; json: one object, a key per section whose value is a
// list of row objects; csv: one section only (CSV has no sections), the first unless `section` is given.
void render(const std::vector<Section>& sections, ReportFormat format, std::ostream& out,
            const std::string& section = {});

}  // namespace vmsweep::cli
