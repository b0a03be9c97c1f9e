#include "model_config.hpp"

namespace vmsweep::train {

model::ModelConfig model_config_for(const TrainSettings& settings, int input_channels) {
  model::ModelConfig config = settings.model;
  config.input_channels = input_channels;
  config.horizon = settings.horizon;
  config.time_steps = settings.look_back;
  config.batch = settings.batch_size;
  config.seed = static_cast<std::uint64_t>(settings.seed);
  return config;
}

}  // namespace vmsweep::train
