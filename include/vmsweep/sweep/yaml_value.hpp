#pragma once
// YAML text -> Value, every node marked with its file, line and column; yaml-cpp stays inside the
// sweep module. Used for sweep files and for `vmsweep train CONFIG.yaml`.
#include <string>
#include <string_view>

#include "vmsweep/common/value.hpp"

namespace vmsweep::sweep {

// Scalars resolve as YAML 1.2's core schema (null, true/false, integers, reals; 1e-4 is a real);
// quoted scalars stay strings. Syntax errors and duplicate keys throw InputError with the position.
Value parse_yaml(std::string_view text, const std::string& file_name);

}  // namespace vmsweep::sweep
