#include "vmsweep/common/parameter_table.hpp"

#include "vmsweep/common/flow_text.hpp"
#include "vmsweep/common/knob_check.hpp"

namespace vmsweep {

std::optional<Value> knob_default(const Knob& knob) {
  if (knob.default_text.empty()) return std::nullopt;
  const std::string text(knob.default_text);
  switch (knob.type) {
    // Typed by the knob, not by how the text reads: a real's default "0" is the real 0.0.
    case Knob::Type::integer: return Value(std::int64_t{std::stoll(text)});
    case Knob::Type::real: return Value(std::stod(text));
    case Knob::Type::boolean: return Value(text == "true");
    case Knob::Type::string: return Value(text);
    case Knob::Type::int_list:
    case Knob::Type::any: return parse_flow_text(text);
  }
  return std::nullopt;
}

void check_parameter_value(const Knob& knob, const Value& value) {
  check_knob_value(knob, value, knob.name, WholeReals::accepted);
}

}  // namespace vmsweep
