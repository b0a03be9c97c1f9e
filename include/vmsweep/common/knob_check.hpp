#pragma once
// Whether a value suits the knob it is for (type, range, choices): one check, worded one way, for
// sweep files (sweep module) and for trial parameters (train module).
#include <string>
#include <string_view>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep {

// Whether a real with no fractional part (5.0) passes for an integer. A sweep file is taken as
// written, so the results show what the user wrote; parameters built in code may carry 5.0.
enum class WholeReals { refused, accepted };

// InputError at the value's mark: "FILE:LINE:COL: key 'KEY': expected WHAT, got FOUND", with a
// did-you-mean for a misspelt choice. A free-text string knob also takes a bare number (`season: 24`,
// which its owner parses). Type::any passes: its owner checks it.
void check_knob_value(const Knob& knob, const Value& value, std::string_view key, WholeReals whole_reals);

// "[0, 0.95]" -- a knob's inclusive range as text.
std::string knob_range_text(const Knob& knob);
bool knob_is_numeric(const Knob& knob);

}  // namespace vmsweep
