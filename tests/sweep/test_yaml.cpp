// YAML as W&B reads it (PyYAML's safe_load): one document, YAML 1.1's booleans and merge keys, the
// spellings 1.1 and 1.2 read differently refused, and alias bombs refused before they expand.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "vmsweep/common/error.hpp"
#include "vmsweep/sweep/yaml_value.hpp"
#include "yaml_stream_check.hpp"

using vmsweep::Value;
using vmsweep::sweep::parse_yaml;

namespace {

// "billion laughs": nine levels of nine aliases each, 9^9 = 387 million leaves.
std::string alias_bomb(const std::string& use) {
  std::string text = "a0: &a0 [lol]\n";
  for (int level = 1; level <= 9; ++level) {
    const std::string previous = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) text += (i ? ", " : "") + previous;
    text += "]\n";
  }
  return text + use;
}

std::string error_of(const std::string& text) {
  try {
    parse_yaml(text, "f.yaml");
  } catch (const vmsweep::InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("YAML 1.1 booleans read as PyYAML reads them", "[sweep][yaml]") {
  const Value root = parse_yaml("a: yes\nb: No\nc: ON\nd: off\ne: 'yes'\nf: y\n", "f.yaml");
  CHECK(root.find("a")->as_bool());
  CHECK_FALSE(root.find("b")->as_bool());
  CHECK(root.find("c")->as_bool());
  CHECK_FALSE(root.find("d")->as_bool());
  CHECK(root.find("e")->as_string() == "yes");  // quoted: a string
  CHECK(root.find("f")->as_string() == "y");    // PyYAML keeps y and n as strings too
}

TEST_CASE("YAML numbers: hex, binary and _ separators as PyYAML; 1e-4 a number", "[sweep][yaml]") {
  const Value root = parse_yaml("a: 0x1F\nb: 0b101\nc: 1_000\nd: 1e-4\ne: 2.5e+3\nf: -7\ng: 0\n", "f.yaml");
  CHECK(root.find("a")->as_int() == 31);
  CHECK(root.find("b")->as_int() == 5);
  CHECK(root.find("c")->as_int() == 1000);
  CHECK(root.find("d")->as_double() == 1e-4);
  CHECK(root.find("e")->as_double() == 2500);
  CHECK(root.find("f")->as_int() == -7);
  CHECK(root.find("g")->as_int() == 0);
}

TEST_CASE("YAML spellings that 1.1 and 1.2 read differently are refused with the reason", "[sweep][yaml]") {
  CHECK(error_of("batch_size: 010\n") ==
        "f.yaml:1:13: '010' is octal in YAML 1.1 (PyYAML, which W&B uses) and decimal or a string in YAML 1.2; "
        "write the number without a leading zero, or quote it for a string");
  CHECK(error_of("x: 0o17\n").starts_with("f.yaml:1:4: '0o17' is octal in YAML 1.1"));
  CHECK(error_of("interval: 1:30\n") ==
        "f.yaml:1:11: '1:30' is a base-60 number in YAML 1.1 (PyYAML, which W&B uses) and a string in YAML 1.2; "
        "quote it for a string");
  CHECK(parse_yaml("interval: '1:30'\n", "f.yaml").find("interval")->as_string() == "1:30");
}

TEST_CASE("YAML merge keys: the merged mapping first, the mapping's own keys win", "[sweep][yaml]") {
  const Value root = parse_yaml("base: &b {x: 1, y: 2}\nmore: &m {y: 5, z: 6}\nd:\n  <<: [*b, *m]\n  y: 3\n  w: 4\n",
                                "f.yaml");
  const Value& d = *root.find("d");
  REQUIRE(d.as_map().size() == 4);
  CHECK(d.as_map()[0].first == "x");
  CHECK(d.find("x")->as_int() == 1);
  CHECK(d.find("y")->as_int() == 3);  // its own key wins
  CHECK(d.find("z")->as_int() == 6);  // from the second mapping
  CHECK(d.as_map()[3].first == "w");
  const Value single = parse_yaml("b: &b {x: 1, y: 2}\nd: {<<: *b, y: 7}\n", "f.yaml");
  CHECK(single.find("d")->find("x")->as_int() == 1);
  CHECK(single.find("d")->find("y")->as_int() == 7);
  CHECK(error_of("d: {<<: 3}\n") == "f.yaml:1:9: key '<<': a merge key takes a mapping or a list of mappings "
                                    "(YAML 1.1), got an integer (3)");
}

TEST_CASE("A second YAML document is refused, as PyYAML's safe_load refuses it", "[sweep][yaml]") {
  CHECK(error_of("a: 1\n---\nb: 2\n") ==
        "f.yaml:2:1: a second YAML document; a sweep file is one document (W&B's PyYAML refuses a second one too): "
        "remove the '---' and what follows it, or merge it into the first");
  CHECK(error_of("a: 1\n---\n").starts_with("f.yaml:2:1: a second YAML document"));
  CHECK(parse_yaml("---\na: 1\n...\n", "f.yaml").find("a")->as_int() == 1);  // one document, marked
}

TEST_CASE("An alias bomb is refused at the alias that passes the node limit, without expanding it", "[sweep][yaml]") {
  const auto start = std::chrono::steady_clock::now();
  const std::string message = error_of(alias_bomb("description: *a9\n"));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // The anchors' own definitions pass a million nodes within level 6 (level 5 holds 125,479 nodes):
  // its seventh alias is reported, before `description` is even read.
  CHECK(message == "f.yaml:7:40: the document expands to more than 1000000 YAML nodes (each alias repeats its anchor's "
                   "whole content, and nested aliases multiply); a sweep file this large is refused");
  CHECK(seconds < 1.0);  // counted, not built: a generous bound, not a timing assertion on the result
  // Aliases that stay small are fine, and read as copies.
  const Value small = parse_yaml("a: &x [1, 2]\nb: *x\nc: [*x, *x]\n", "f.yaml");
  CHECK(small.find("c")->as_list()[1].as_list()[1].as_int() == 2);
  CHECK(vmsweep::sweep::kMaxYamlNodes == 1000000);
}
