#include "vmsweep/common/knob.hpp"

namespace vmsweep {

std::string_view type_name(Knob::Type type) {
  switch (type) {
    case Knob::Type::integer: return "integer";
    case Knob::Type::real: return "real";
    case Knob::Type::string: return "string";
    case Knob::Type::boolean: return "boolean";
    case Knob::Type::int_list: return "int_list";
    case Knob::Type::any: return "any";
  }
  return "?";
}

}  // namespace vmsweep
