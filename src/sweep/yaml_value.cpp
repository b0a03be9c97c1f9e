#include "vmsweep/sweep/yaml_value.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

#include "vmsweep/common/error.hpp"
#include "yaml_scalar.hpp"
#include "yaml_stream_check.hpp"

namespace vmsweep::sweep {

namespace {

SourceMark mark_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

// A plain scalar is typed (yaml_scalar.hpp); a quoted one ("3", 'true') keeps its text.
Value scalar(const YAML::Node& node, const SourceMark& mark) {
  if (node.Tag() == "!") return Value(node.Scalar());
  return plain_scalar(node.Scalar(), mark);
}

Value convert(const YAML::Node& node, const std::string& file);

bool is_merge_key(const YAML::Node& key) { return key.IsScalar() && key.Tag() == "?" && key.Scalar() == "<<"; }

// `<<: *anchor` or `<<: [*a, *b]` (YAML 1.1 merge keys, as PyYAML reads them): the merged mappings'
// entries come first, an earlier mapping winning over a later one; the mapping's own keys win over all.
void merge_into(Value& map, const Value& source, const Value& own) {
  for (const auto& [key, value] : source.as_map()) {
    if (map.find(key)) continue;
    const Value* written = own.find(key);
    map.as_map().emplace_back(key, written ? *written : value);
  }
}

Value merge_sources(const YAML::Node& value, const std::string& file) {
  const Value converted = convert(value, file);
  Value::List sources = converted.is_list() ? converted.as_list() : Value::List{converted};
  for (const Value& source : sources)
    if (!source.is_map())
      throw InputError(source.mark(), "key '<<': a merge key takes a mapping or a list of mappings (YAML 1.1), got " +
                                          source.description());
  return Value(std::move(sources));
}

Value mapping(const YAML::Node& node, const std::string& file) {
  Value own = Value(Value::Map{});
  Value::List merged;
  for (const auto& entry : node) {
    const SourceMark key_mark = mark_of(entry.first.Mark(), file);
    if (!entry.first.IsScalar()) throw InputError(key_mark, "a mapping key must be a plain name");
    if (is_merge_key(entry.first)) {
      Value sources = merge_sources(entry.second, file);
      for (Value& source : sources.as_list()) merged.push_back(std::move(source));
      continue;
    }
    const std::string key = entry.first.Scalar();
    if (own.find(key)) throw InputError(key_mark, "key '" + key + "': given twice in the same mapping");
    // An entry's value carries its key's position: that is the line a reader looks for, also when
    // the value is a block that starts on the next line.
    own.as_map().emplace_back(key, convert(entry.second, file).with_mark(key_mark));
  }
  if (merged.empty()) return own;
  Value map = Value(Value::Map{});
  for (const Value& source : merged) merge_into(map, source, own);
  for (const auto& [key, value] : own.as_map())
    if (!map.find(key)) map.as_map().emplace_back(key, value);
  return map;
}

Value convert(const YAML::Node& node, const std::string& file) {
  const SourceMark mark = mark_of(node.Mark(), file);
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return scalar(node, mark).with_mark(mark);
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
  check_yaml_stream(text, file_name);
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
