#include <algorithm>
#include <cctype>

#include "checks.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

std::string checked_name(const Value& name) {
  const std::string& text = nonempty_string(name, "name");
  const std::string rule = "; use letters, digits, - and _ only (the name becomes results/<name>.h5)";
  if (text.find('/') != std::string::npos || text.find('\\') != std::string::npos)
    fail(name, "name", "'" + text + "' contains a path separator" + rule);
  if (text.find("..") != std::string::npos) fail(name, "name", "'" + text + "' contains '..'" + rule);
  const auto bad = std::ranges::find_if(text, [](unsigned char c) { return !std::isalnum(c) && c != '-' && c != '_'; });
  if (bad != text.end()) fail(name, "name", "'" + text + "' contains '" + std::string(1, *bad) + "'" + rule);
  return text;
}

}  // namespace vmsweep::sweep
