#pragma once
// Checks a YAML text must pass before it is built into nodes: one document only (PyYAML's
// safe_load, which W&B uses, refuses a second), and a bounded size once aliases are expanded
// (a "billion laughs" file is a few lines that expand to 10^9 nodes).
#include <cstdint>
#include <string>
#include <string_view>

namespace vmsweep::sweep {

// A sweep file has a few hundred nodes; a generated values list may have many thousands.
inline constexpr std::uint64_t kMaxYamlNodes = 1'000'000;

// InputError at the second document's start, or at the alias that takes the expanded node count
// over kMaxYamlNodes. YAML syntax errors are left to the parser that builds the nodes.
void check_yaml_stream(std::string_view text, const std::string& file_name);

}  // namespace vmsweep::sweep
