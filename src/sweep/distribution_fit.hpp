#pragma once
// Whether a numeric distribution can feed a knob: its type (integers need integer samples) and
// its range (a bounded distribution must lie inside the knob's range).
#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/parameter.hpp"

namespace vmsweep::sweep {

// InputError at the offending key; `entry` is the parameter's mapping in the file.
void check_distribution_fits_knob(const ParameterSpec& spec, const Value& entry, const Knob& knob);

}  // namespace vmsweep::sweep
