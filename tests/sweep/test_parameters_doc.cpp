#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "vmsweep/train/parameters.hpp"

using vmsweep::Knob;

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The cells of a markdown table row, split at '|' that are not escaped as '\|'.
std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::string cell;
  for (std::size_t i = 1; i < row.size(); ++i) {
    if (row[i] == '|' && row[i - 1] != '\\') {
      out.push_back(trimmed(cell));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return out;
}

// Rows of docs/parameters.md whose first cell is a `name`.
std::vector<std::vector<std::string>> documented_knobs() {
  std::ifstream in(std::string(VMSWEEP_SOURCE_DIR) + "/docs/parameters.md");
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("| `")) rows.push_back(cells(line));
  return rows;
}

}  // namespace

TEST_CASE("docs/parameters.md lists every knob with its type, default and block", "[sweep]") {
  const auto rows = documented_knobs();
  const auto knobs = vmsweep::train::all_knobs();
  REQUIRE(rows.size() == knobs.size());
  for (std::size_t i = 0; i < knobs.size(); ++i) {
    const Knob& knob = knobs[i];
    INFO("knob " << knob.name << ", row " << i);
    REQUIRE(rows[i].size() == 6);
    CHECK(rows[i][0] == "`" + std::string(knob.name) + "`");
    CHECK(rows[i][1] == vmsweep::type_name(knob.type));
    CHECK(rows[i][2] == (knob.default_text.empty() ? "—" : std::string(knob.default_text)));
    CHECK(rows[i][4] == (knob.data_field ? "data" : "trainer"));
  }
}

TEST_CASE("docs/parameters.md is what `vmsweep docs parameters` generates from the declarations", "[sweep]") {
  std::ifstream in(std::string(VMSWEEP_SOURCE_DIR) + "/docs/parameters.md");
  const std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  INFO("regenerate it: build/vmsweep docs parameters > docs/parameters.md");
  CHECK(committed == vmsweep::train::parameters_markdown());
}
