#pragma once
// The data block's fields, declared once (src/data/parameters.cpp): each knob (name, type, default,
// choices, doc line) with the DataSpec member it fills. Each field may also be swept as a parameter.
#include <span>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/parameter_table.hpp"
#include "vmsweep/data/data_spec.hpp"

namespace vmsweep::data {

const ParameterTable<DataSpec>& data_parameters();
// data_parameters().knobs(), each marked as a data field.
std::span<const Knob> data_knobs();

}  // namespace vmsweep::data
