#pragma once
// Parameter values written on the command line (`--set key=value`), read the way a YAML flow
// scalar would be: 3 is an integer, 1e-3 a real, true a boolean, [256, 128, 64] a list,
// {train: 440, val: test, test: 96} a map, anything else a string. Knob type checks come later
// (train::settings_from_params).
#include <string>
#include <string_view>
#include <vector>

#include "vmsweep/common/value.hpp"

namespace vmsweep::cli {

Value parse_parameter_text(std::string_view text);

// "key=value" assignments -> one flat map, later ones replacing earlier ones; each value is
// marked "--set KEY" so an error names the option it came from. Knobs of string type keep their
// text as it is (interval=24 stays "24").
Value parse_assignments(const std::vector<std::string>& assignments);

}  // namespace vmsweep::cli
