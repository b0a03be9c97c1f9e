#include "model_config.hpp"

namespace vmsweep::train {

model::ModelConfig model_config_for(const TrainSettings& settings, int input_channels) {
  model::ModelConfig config;
  config.input_channels = input_channels;
  config.hidden = settings.layers;
  config.horizon = settings.horizon;
  config.time_steps = settings.look_back;
  config.batch = settings.batch_size;
  config.dropout = settings.dropout;
  config.loss = settings.loss == "huber" ? model::LossKind::huber : model::LossKind::mse;
  config.huber_delta = settings.huber_delta;
  config.optimizer = settings.optimizer == "sgd" ? model::OptimizerKind::sgd : model::OptimizerKind::adam;
  config.beta1 = settings.beta1;
  config.beta2 = settings.beta2;
  config.epsilon = settings.epsilon;
  config.init = settings.init == "pytorch" ? model::InitScheme::pytorch : model::InitScheme::keras;
  config.lstm_bias = settings.lstm_bias == "pair" ? model::LstmBias::pair : model::LstmBias::single;
  config.clip_norm = settings.clip_norm;
  config.seed = static_cast<std::uint64_t>(settings.seed);
  return config;
}

}  // namespace vmsweep::train
