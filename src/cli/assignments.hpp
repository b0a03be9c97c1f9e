#pragma once
// `--set key=value` options of `vmsweep train`, read the way a sweep file's flow values are.
#include <string>
#include <vector>

#include "vmsweep/common/value.hpp"

namespace vmsweep::cli {

// "key=value" assignments -> one flat map, later ones replacing earlier ones; each value is
// marked "--set KEY" so an error names the option it came from. Parameters of string type keep
// their text as it is (interval=24 stays "24").
Value parse_assignments(const std::vector<std::string>& assignments);

}  // namespace vmsweep::cli
