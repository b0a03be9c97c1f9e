#pragma once
// The names a sweep file's `parameters` may use: the trainer's and the model's hyperparameters,
// declared once in src/train/parameters.cpp, followed by the data block's fields
// (data::data_parameters()). The sweep validator, the settings reader, `vmsweep validate` and
// docs/parameters.md all read these declarations.
#include <span>
#include <string>
#include <string_view>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/parameter_table.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::train {

const ParameterTable<TrainSettings>& trainer_parameters();

// Trainer knobs followed by data::data_knobs().
std::span<const Knob> all_knobs();
const Knob* find_knob(std::string_view name);

// docs/parameters.md as it must read: a table row per knob (name, type, default, range or
// choices, block, meaning), generated so that the committed file cannot drift from the code.
std::string parameters_markdown();

}  // namespace vmsweep::train
