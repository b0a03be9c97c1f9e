#pragma once
// A value written as a YAML flow scalar or collection would be, without a YAML parser: 3 is an
// integer, 1e-3 a real, true a boolean, [256, 128, 64] a list, {train: 440, val: test, test: 96} a
// map, anything else a string. Used for `--set key=value` and for the defaults in the parameter
// declarations, so both read the way a sweep file does.
#include <string_view>

#include "vmsweep/common/value.hpp"

namespace vmsweep {

Value parse_flow_text(std::string_view text);

}  // namespace vmsweep
