#pragma once
// Trial parameters against the knob table: the value check, a knob's default as a Value, and the
// knob meant by a misspelt name.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/knob_check.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep::train {

// The common check under the parameter's own name. Parameters are built in code (a sampler, a
// checkpoint, --set), so a whole real such as 5.0 counts as an integer.
inline void check_knob_value(const Knob& knob, const Value& value) {
  vmsweep::check_knob_value(knob, value, knob.name, WholeReals::accepted);
}

// The knob's default_text as a typed Value; nullopt when the knob has no default.
std::optional<Value> knob_default(const Knob& knob);

// The knob name closest to `name` by edit distance, or "" when none is plausibly meant.
std::string closest_knob_name(std::string_view name, std::span<const Knob> knobs);

}  // namespace vmsweep::train
