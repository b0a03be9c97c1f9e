#pragma once
// One `parameters` entry of a sweep file -> ParameterSpec, checked against its knob.
#include <string>
#include <vector>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/parameter.hpp"

namespace vmsweep::sweep {

// W&B's inference: value -> constant, values -> categorical, integer min/max -> int_uniform,
// other min/max -> uniform, mu/sigma -> normal; an explicit `distribution` wins. What the parse
// changes in the file's meaning (a bare layer size made a list, a value listed twice) is appended
// to `readings` ("FILE:LINE:COL: key 'k': ...").
ParameterSpec parse_parameter(const std::string& name, const Value& entry, const Knob& knob,
                              std::vector<std::string>& readings);

}  // namespace vmsweep::sweep
