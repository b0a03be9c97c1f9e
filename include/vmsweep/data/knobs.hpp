#pragma once
// The fields of a sweep file's data block. Each may also be swept as a parameter.
#include <span>

#include "vmsweep/common/knob.hpp"

namespace vmsweep::data {

std::span<const Knob> data_knobs();

}  // namespace vmsweep::data
