#include "vmsweep/sweep/yaml_value.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <regex>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

namespace {

SourceMark mark_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

std::optional<Value> special_real(const std::string& text) {
  static const std::regex inf(R"([-+]?\.(inf|Inf|INF))"), nan(R"(\.(nan|NaN|NAN))");
  if (std::regex_match(text, nan)) return Value(std::numeric_limits<double>::quiet_NaN());
  if (!std::regex_match(text, inf)) return std::nullopt;
  const double infinity = std::numeric_limits<double>::infinity();
  return Value(text[0] == '-' ? -infinity : infinity);
}

std::optional<Value> number(const std::string& text) {
  static const std::regex integer(R"([-+]?[0-9]+)");
  static const std::regex real(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(text, integer)) {
    errno = 0;
    const long long parsed = std::strtoll(text.c_str(), nullptr, 10);
    if (errno != ERANGE) return Value(std::int64_t{parsed});
  }
  if (std::regex_match(text, real)) return Value(std::strtod(text.c_str(), nullptr));
  return special_real(text);
}

// A plain scalar is typed by the core schema; a quoted one ("3", 'true') keeps its text.
Value scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return Value(text);
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return Value();
  if (text == "true" || text == "True" || text == "TRUE") return Value(true);
  if (text == "false" || text == "False" || text == "FALSE") return Value(false);
  if (auto parsed = number(text)) return *parsed;
  return Value(text);
}

Value convert(const YAML::Node& node, const std::string& file);

Value mapping(const YAML::Node& node, const std::string& file) {
  Value map = Value(Value::Map{});
  for (const auto& entry : node) {
    const SourceMark key_mark = mark_of(entry.first.Mark(), file);
    if (!entry.first.IsScalar()) throw InputError(key_mark, "a mapping key must be a plain name");
    const std::string key = entry.first.Scalar();
    if (map.find(key)) throw InputError(key_mark, "key '" + key + "': given twice in the same mapping");
    // An entry's value carries its key's position: that is the line a reader looks for, also when
    // the value is a block that starts on the next line.
    map.as_map().emplace_back(key, convert(entry.second, file).with_mark(key_mark));
  }
  return map;
}

Value convert(const YAML::Node& node, const std::string& file) {
  const SourceMark mark = mark_of(node.Mark(), file);
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return scalar(node).with_mark(mark);
    case YAML::NodeType::Sequence: {
      Value::List items;
      for (const auto& item : node) items.push_back(convert(item, file));
      return Value(std::move(items)).with_mark(mark);
    }
    case YAML::NodeType::Map: return mapping(node, file).with_mark(mark);
    default: return Value().with_mark(mark);
  }
}

}  // namespace

Value parse_yaml(std::string_view text, const std::string& file_name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    throw InputError(mark_of(e.mark, file_name), "YAML syntax error: " + e.msg);
  }
  Value value = convert(root, file_name);
  if (!value.mark().known() || value.mark().line == 0) value.with_mark({file_name, 1, 1});
  return value;
}

}  // namespace vmsweep::sweep
