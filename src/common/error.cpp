#include "vmsweep/common/error.hpp"

namespace vmsweep {

std::string SourceMark::to_string() const {
  std::string text = file;
  if (line > 0) {
    text += (text.empty() ? "line " : ":") + std::to_string(line);
    if (column > 0) text += ":" + std::to_string(column);
  }
  return text;
}

InputError::InputError(const SourceMark& where, const std::string& message)
    : Error(where.known() ? where.to_string() + ": " + message : message) {}

InputError key_error(const SourceMark& where, std::string_view key, const std::string& message) {
  return InputError(where, "key '" + std::string(key) + "': " + message);
}

}  // namespace vmsweep
