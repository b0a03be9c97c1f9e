#include "assignments.hpp"

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/flow_text.hpp"
#include "vmsweep/train/parameters.hpp"

namespace vmsweep::cli {

namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

}  // namespace

Value parse_assignments(const std::vector<std::string>& assignments) {
  Value params = Value::Map{};
  for (const std::string& assignment : assignments) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0)
      throw InputError("--set " + assignment + ": expected KEY=VALUE");
    const std::string key = trimmed(std::string_view(assignment).substr(0, equals));
    const std::string_view text = std::string_view(assignment).substr(equals + 1);
    const Knob* knob = train::find_knob(key);
    Value value = knob && knob->type == Knob::Type::string ? Value(trimmed(text)) : parse_flow_text(text);
    params.set(key, std::move(value).with_mark(SourceMark{"--set " + key, 0, 0}));
  }
  return params;
}

}  // namespace vmsweep::cli
