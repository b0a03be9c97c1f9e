#pragma once
// W&B's nested parameters (`optimizer: {parameters: {...}}`) flattened to vmsweep's flat parameter
// names, each inner name read as the first parameter among GROUP_NAME, PREFIX_NAME (PREFIX being
// the group's first word: lr for lr_schedule) and NAME, or as GROUP itself for an inner `type`,
// `name` or `value` (lr_schedule.type -> lr_schedule).
#include <span>
#include <string>
#include <vector>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep::sweep {

struct FlatParameter {
  std::string name;     // the knob's name
  std::string written;  // the path in the file: lr_schedule.step_size
  const Value* entry;   // its specification in the file
};

// `parameters` in file order, nested groups depth first. InputError for an unknown name (top-level
// or inner, with the names an inner one was tried as), an empty group, and a parameter given twice.
// Each nested name's reading is noted in `readings`.
std::vector<FlatParameter> flatten_parameters(const Value& block, std::span<const Knob> knobs,
                                              std::vector<std::string>& readings);

}  // namespace vmsweep::sweep
