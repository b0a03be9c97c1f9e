#include <string>

#include "vmsweep/common/error.hpp"
#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {

namespace {

void require(bool condition, const std::string& field, const std::string& expected) {
  if (!condition) throw InputError("model config: " + field + " must be " + expected);
}

}  // namespace

void validate(const ModelConfig& config) {
  require(config.input_channels >= 1, "input_channels", ">= 1");
  require(!config.hidden.empty(), "hidden", "a non-empty list of layer sizes");
  for (const int size : config.hidden) require(size >= 1, "every hidden size", ">= 1");
  require(config.horizon >= 1, "horizon", ">= 1");
  require(config.time_steps >= 1, "time_steps", ">= 1");
  require(config.batch >= 1, "batch", ">= 1");
  require(config.dropout >= 0.0 && config.dropout < 1.0, "dropout", "in [0, 1)");
  require(config.huber_delta > 0.0, "huber_delta", "> 0");
  require(config.beta1 >= 0.0 && config.beta1 < 1.0, "beta1", "in [0, 1)");
  require(config.beta2 >= 0.0 && config.beta2 < 1.0, "beta2", "in [0, 1)");
  require(config.epsilon > 0.0, "epsilon", "> 0");
  require(config.clip_norm >= 0.0, "clip_norm", ">= 0 (0 turns clipping off)");
  require(config.ar_highway >= 0 && config.ar_highway <= config.time_steps, "ar_highway",
          "in [0, time_steps] (the highway reads the last ar_highway steps of the window)");
}

}  // namespace vmsweep::model
