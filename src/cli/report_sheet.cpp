#include "report_sheet.hpp"

#include <algorithm>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/short_number.hpp"

namespace vmsweep::cli {

namespace {

// Reals at six significant digits for people; CSV and JSON keep full precision (Value's shortest
// exact form) so they read back as the numbers stored.
std::string human_cell(const Value& cell) {
  if (cell.is_null()) return "-";
  if (cell.kind() == Value::Kind::real) return short_number(cell.as_double());
  return cell.to_string();
}

std::string csv_cell(const Value& cell) {
  if (cell.is_null()) return "";
  const std::string text = cell.to_string();
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::vector<std::vector<std::string>> human_cells(const Section& section) {
  std::vector<std::vector<std::string>> cells{section.columns};
  for (const auto& row : section.rows) {
    std::vector<std::string> line;
    for (const Value& cell : row) line.push_back(human_cell(cell));
    cells.push_back(std::move(line));
  }
  return cells;
}

std::vector<std::size_t> column_widths(const std::vector<std::vector<std::string>>& cells) {
  std::vector<std::size_t> widths(cells.front().size(), 0);
  for (const auto& line : cells)
    for (std::size_t c = 0; c < line.size(); ++c) widths[c] = std::max(widths[c], line[c].size());
  return widths;
}

void render_text(const Section& section, std::ostream& out) {
  out << section.title << "\n";
  if (section.rows.empty()) {
    out << "  (none)\n\n";
    return;
  }
  const auto cells = human_cells(section);
  const auto widths = column_widths(cells);
  for (const auto& line : cells) {
    out << " ";
    for (std::size_t c = 0; c < line.size(); ++c) out << " " << line[c] << std::string(widths[c] - line[c].size(), ' ');
    out << "\n";
  }
  out << "\n";
}

void render_markdown(const Section& section, std::ostream& out) {
  out << "### " << section.title << "\n\n";
  if (section.rows.empty()) {
    out << "(none)\n\n";
    return;
  }
  const auto cells = human_cells(section);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out << "|";
    for (const auto& cell : cells[i]) out << " " << cell << " |";
    out << "\n";
    if (i == 0) {
      out << "|";
      for (std::size_t c = 0; c < cells[i].size(); ++c) out << "---|";
      out << "\n";
    }
  }
  out << "\n";
}

void render_csv(const Section& section, std::ostream& out) {
  for (std::size_t c = 0; c < section.columns.size(); ++c) out << (c ? "," : "") << csv_cell(section.columns[c]);
  out << "\n";
  for (const auto& row : section.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_cell(row[c]);
    out << "\n";
  }
}

void render_json(const std::vector<Section>& sections, std::ostream& out) {
  Value::Map document;
  for (const Section& section : sections) {
    Value::List rows;
    for (const auto& row : section.rows) {
      Value::Map object;
      for (std::size_t c = 0; c < row.size(); ++c) object.emplace_back(section.columns[c], row[c]);
      rows.emplace_back(std::move(object));
    }
    document.emplace_back(section.name, std::move(rows));
  }
  out << Value(std::move(document)).to_json() << "\n";
}

const Section& chosen_section(const std::vector<Section>& sections, const std::string& name) {
  if (name.empty()) return sections.front();
  for (const Section& section : sections)
    if (section.name == name) return section;
  std::string known;
  for (const Section& section : sections) known += (known.empty() ? "" : ", ") + section.name;
  throw InputError("--section: no section '" + name + "' in this report; expected one of " + known);
}

}  // namespace

void Section::add_row(std::vector<Value> cells) {
  if (cells.size() != columns.size())
    throw Error("report section " + name + ": a row of " + std::to_string(cells.size()) + " cells for " +
                std::to_string(columns.size()) + " columns");
  rows.push_back(std::move(cells));
}

ReportFormat report_format_from_string(const std::string& text) {
  if (text == "table") return ReportFormat::table;
  if (text == "csv") return ReportFormat::csv;
  if (text == "json") return ReportFormat::json;
  if (text == "markdown") return ReportFormat::markdown;
  throw InputError("--format: expected table, csv, json or markdown, got '" + text + "'");
}

void render(const std::vector<Section>& sections, ReportFormat format, std::ostream& out, const std::string& section) {
  if (sections.empty()) return;
  if (format == ReportFormat::csv) return render_csv(chosen_section(sections, section), out);
  std::vector<Section> shown = sections;
  if (!section.empty()) shown = {chosen_section(sections, section)};
  if (format == ReportFormat::json) return render_json(shown, out);
  for (const Section& s : shown) format == ReportFormat::markdown ? render_markdown(s, out) : render_text(s, out);
}

}  // namespace vmsweep::cli
