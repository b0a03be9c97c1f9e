#pragma once
// Reads back the JSON that Value::to_json writes (parameters stored as HDF5 attributes).
// Integers stay integers and "1.0" stays a real, so a stored Value compares equal to the original.
#include <string>
#include <string_view>

#include "vmsweep/common/value.hpp"

namespace vmsweep::io {

// Throws Error naming `origin` and the character offset on malformed text.
Value parse_json(std::string_view text, const std::string& origin);

}  // namespace vmsweep::io
