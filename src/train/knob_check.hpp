#pragma once
// Checking one parameter against its knob, and a knob's default as a Value.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep::train {

// Throws InputError at the value's source mark naming the key, the expected type or range and
// what was given. Type::any is accepted as it is (its owner checks it).
void check_knob_value(const Knob& knob, const Value& value);

// The knob's default_text as a typed Value; nullopt when the knob has no default.
std::optional<Value> knob_default(const Knob& knob);

// The knob name closest to `name` by edit distance, or "" when none is plausibly meant.
std::string closest_knob_name(std::string_view name, std::span<const Knob> knobs);

}  // namespace vmsweep::train
