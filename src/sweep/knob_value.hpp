#pragma once
// Whether a value given in a sweep file suits the knob it is for (type, range, choices).
#include <string>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep::sweep {

// InputError at the value's mark, naming `key`. Type::any passes (its owner checks it later).
void check_knob_value(const Knob& knob, const Value& value, const std::string& key);
// "[0, 0.95]" -- a knob's inclusive range as text.
std::string knob_range_text(const Knob& knob);
bool knob_is_numeric(const Knob& knob);

}  // namespace vmsweep::sweep
