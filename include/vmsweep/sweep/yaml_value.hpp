#pragma once
// YAML text -> Value, every node marked with its file, line and column; yaml-cpp stays inside the
// sweep module. Used for sweep files and for `vmsweep train CONFIG.yaml`.
#include <string>
#include <string_view>

#include "vmsweep/common/value.hpp"

namespace vmsweep::sweep {

// Scalars resolve as YAML 1.2's core schema, YAML 1.1's spellings as PyYAML (W&B's reader) reads
// them or refused (src/sweep/yaml_scalar.hpp); quoted scalars stay strings; `<<` merge keys are
// applied. InputError with the position for syntax errors, duplicate keys, a second document and a
// document whose aliases expand it past kMaxYamlNodes nodes.
Value parse_yaml(std::string_view text, const std::string& file_name);

}  // namespace vmsweep::sweep
