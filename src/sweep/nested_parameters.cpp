#include "nested_parameters.hpp"

#include <algorithm>
#include <array>

#include "checks.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::array<std::string_view, 3> kGroupItself{"type", "name", "value"};

struct Group {
  std::string path;  // "" at the top level, else "optimizer." or "a.b."
  std::string name;  // the innermost group's name
};

bool is_group(const Value& entry) { return entry.is_map() && entry.find("parameters"); }

std::vector<std::string_view> knob_names(std::span<const Knob> knobs) {
  std::vector<std::string_view> names;
  for (const Knob& knob : knobs) names.push_back(knob.name);
  return names;
}

bool is_knob(std::span<const Knob> knobs, std::string_view name) {
  return std::ranges::any_of(knobs, [&](const Knob& knob) { return knob.name == name; });
}

std::vector<std::string> candidates(const Group& group, const std::string& inner) {
  if (group.path.empty()) return {inner};
  const std::string prefix = group.name.substr(0, group.name.find('_'));
  std::vector<std::string> names{group.name + "_" + inner};
  if (prefix != group.name) names.push_back(prefix + "_" + inner);
  names.push_back(inner);
  if (std::ranges::find(kGroupItself, inner) != kGroupItself.end()) names.push_back(group.name);
  return names;
}

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return text;
}

[[noreturn]] void unknown(const Value& entry, const Group& group, const std::string& inner,
                          std::span<const Knob> knobs) {
  const std::string path = group.path + inner;
  const std::string tail = did_you_mean(inner, knob_names(knobs)) + "; the parameters are listed in docs/parameters.md";
  if (group.path.empty()) fail(entry, path, "unknown parameter" + tail);
  fail(entry, path, "unknown parameter; nested parameters are supported and read as vmsweep's flat names, but " +
                        listed(candidates(group, inner)) + " is none" + tail);
}

class Flattener {
public:
  Flattener(std::span<const Knob> knobs, std::vector<std::string>& readings) : knobs_(knobs), readings_(readings) {}

  void add_block(const Value& block, const Group& group) {
    require_map(block, group.path.empty() ? "parameters" : group.path + "parameters");
    if (block.as_map().empty()) fail(block, group.path + "parameters", "empty; give at least one parameter");
    for (const auto& [inner, entry] : block.as_map()) {
      if (is_group(entry)) add_group(entry, {group.path + inner + ".", inner});
      else add(entry, group, inner);
    }
  }

  std::vector<FlatParameter> flat;

private:
  void add_group(const Value& entry, const Group& group) {
    for (const auto& [key, value] : entry.as_map())
      if (key != "parameters")
        fail(value, group.path + key, "a nested group takes only 'parameters' (W&B's rule); move it inside");
    add_block(*entry.find("parameters"), group);
  }

  void add(const Value& entry, const Group& group, const std::string& inner) {
    const auto names = candidates(group, inner);
    const auto found = std::ranges::find_if(names, [&](const std::string& name) { return is_knob(knobs_, name); });
    if (found == names.end()) unknown(entry, group, inner, knobs_);
    const std::string written = group.path + inner;
    for (const FlatParameter& earlier : flat)
      if (earlier.name == *found)
        fail(entry, written, "gives parameter " + *found + " a second time (first as '" + earlier.written + "')");
    if (written != *found)
      readings_.push_back(entry.mark().to_string() + ": key '" + written + "': nested parameter read as " + *found);
    flat.push_back({*found, written, &entry});
  }

  std::span<const Knob> knobs_;
  std::vector<std::string>& readings_;
};

}  // namespace

std::vector<FlatParameter> flatten_parameters(const Value& block, std::span<const Knob> knobs,
                                              std::vector<std::string>& readings) {
  Flattener flattener(knobs, readings);
  flattener.add_block(block, {});
  return std::move(flattener.flat);
}

}  // namespace vmsweep::sweep
