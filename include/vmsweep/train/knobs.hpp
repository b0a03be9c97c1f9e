#pragma once
// The names a sweep file's `parameters` may use: the trainer's hyperparameters plus every field of
// the data block. One table, read by the trainer (settings), the sweep validator (names, types,
// ranges, did-you-mean) and docs/parameters.md.
#include <span>
#include <string_view>

#include "vmsweep/common/knob.hpp"

namespace vmsweep::train {

std::span<const Knob> trainer_knobs();
// Trainer knobs followed by data::data_knobs().
std::span<const Knob> all_knobs();
const Knob* find_knob(std::string_view name);

}  // namespace vmsweep::train
