#include "model_parameters.hpp"

#include <algorithm>
#include <cmath>

#include "initializer.hpp"
#include "vmsweep/common/rng.hpp"
#include "vmsweep/model/highway_inputs.hpp"

namespace vmsweep::model {

std::string lstm_tensor_name(std::size_t layer, std::string_view tensor) {
  return "lstm" + std::to_string(layer) + "/" + std::string(tensor);
}

ParameterLayout make_parameter_layout(const ModelConfig& config) {
  ParameterLayout layout;
  std::int64_t inputs = config.input_channels;
  for (std::size_t k = 0; k < config.hidden.size(); ++k) {
    const std::int64_t hidden = config.hidden[k];
    layout.add(lstm_tensor_name(k, "weights_layer"), {inputs, 4, hidden});
    layout.add(lstm_tensor_name(k, "weights_iter"), {hidden, 4, hidden});
    layout.add(lstm_tensor_name(k, "bias"), {4, hidden});
    inputs = hidden;
  }
  layout.add("head/weights", {inputs, config.horizon});
  layout.add("head/bias", {config.horizon});
  if (config.ar_highway > 0) {  // last, so the other tensors' offsets and initial draws do not move
    layout.add("highway/weights", {static_cast<std::int64_t>(highway_input_count(config)), config.horizon});
    layout.add("highway/bias", {config.horizon});
  }
  return layout;
}

namespace {

void initialize_keras(const ModelConfig& config, const ParameterLayout& layout, std::span<float> flat, Rng& rng) {
  int inputs = config.input_channels;
  for (std::size_t k = 0; k < config.hidden.size(); ++k) {
    const int hidden = config.hidden[k];
    glorot_uniform(tensor_span(layout, flat, lstm_tensor_name(k, "weights_layer")), inputs, 4 * hidden, rng);
    orthogonal_rows(tensor_span(layout, flat, lstm_tensor_name(k, "weights_iter")), hidden, 4 * hidden, rng);
    lstm_bias(tensor_span(layout, flat, lstm_tensor_name(k, "bias")), hidden);
    inputs = hidden;
  }
  glorot_uniform(tensor_span(layout, flat, "head/weights"), inputs, config.horizon, rng);
  const auto head_bias = tensor_span(layout, flat, "head/bias");
  std::fill(head_bias.begin(), head_bias.end(), 0.0f);
}

void initialize_pytorch(const ModelConfig& config, const ParameterLayout& layout, std::span<float> flat, Rng& rng) {
  for (std::size_t k = 0; k < config.hidden.size(); ++k) {
    const double limit = 1.0 / std::sqrt(static_cast<double>(config.hidden[k]));
    uniform(tensor_span(layout, flat, lstm_tensor_name(k, "weights_layer")), limit, rng);
    uniform(tensor_span(layout, flat, lstm_tensor_name(k, "weights_iter")), limit, rng);
    summed_uniform_bias(tensor_span(layout, flat, lstm_tensor_name(k, "bias")), limit, rng);
  }
  const double head_limit = 1.0 / std::sqrt(static_cast<double>(config.hidden.back()));
  uniform(tensor_span(layout, flat, "head/weights"), head_limit, rng);
  uniform(tensor_span(layout, flat, "head/bias"), head_limit, rng);
}

}  // namespace

void initialize_parameters(const ModelConfig& config, const ParameterLayout& layout, std::span<float> flat) {
  Rng rng(config.seed);
  if (config.init == InitScheme::pytorch)
    initialize_pytorch(config, layout, flat, rng);
  else
    initialize_keras(config, layout, flat, rng);
  // The highway starts at zero; the trainer writes its ridge fit in (train/highway_init.hpp). The head
  // starts at zero too, so the model starts as that linear fit exactly and the LSTM's share grows
  // from nothing (the head's first step gives it a gradient); the trainer counts that start as a
  // candidate for restore-best, so a trial never ends worse on validation than its linear start.
  if (config.ar_highway > 0)
    for (const char* name : {"highway/weights", "highway/bias", "head/weights", "head/bias"})
      std::ranges::fill(tensor_span(layout, flat, name), 0.0f);
}

std::span<float> tensor_span(const ParameterLayout& layout, std::span<float> flat, std::string_view name) {
  const TensorSlot& slot = layout.find(name);
  return flat.subspan(slot.offset, slot.size);
}

}  // namespace vmsweep::model
