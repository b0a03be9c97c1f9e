#pragma once
#include "vmsweep/model/lstm_stack.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::train {

// The model a trial's settings describe, for a series with `input_channels` channels.
model::ModelConfig model_config_for(const TrainSettings& settings, int input_channels);

}  // namespace vmsweep::train
