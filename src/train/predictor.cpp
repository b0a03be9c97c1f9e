#include "vmsweep/train/predictor.hpp"

#include "model_config.hpp"
#include "vmsweep/common/error.hpp"
#include "window_forecast.hpp"

namespace vmsweep::train {

namespace {

data::ScaleKind scale_kind_from(const std::string& name) {
  if (name == "minmax") return data::ScaleKind::minmax;
  if (name == "zscore") return data::ScaleKind::zscore;
  if (name == "none") return data::ScaleKind::none;
  throw InputError("checkpoint: unknown scaler kind '" + name + "' (expected minmax, zscore or none)");
}

bool same_scaler(const data::Scaler& a, const data::Scaler& b) {
  return a.kind() == b.kind() && a.offset() == b.offset() && a.scale() == b.scale();
}

// The input channels are the first dimension of the first layer's input weights [C, 4, H].
int input_channels_of(const std::vector<NamedTensor>& weights) {
  for (const NamedTensor& tensor : weights)
    if (tensor.name == "lstm0/weights_layer" && !tensor.shape.empty()) return static_cast<int>(tensor.shape[0]);
  throw InputError("checkpoint: the weights have no 'lstm0/weights_layer'");
}

model::LstmStack model_from(const TrainSettings& settings, const std::vector<NamedTensor>& weights) {
  model::LstmStack model(model_config_for(settings, input_channels_of(weights)));
  model.set_weights(weights);
  return model;
}

}  // namespace

Checkpoint make_checkpoint(const Value& params, const data::Scaler& scaler, int best_epoch,
                           const model::LstmStack& model) {
  return Checkpoint{params, scaler.kind(), scaler.offset(), scaler.scale(), best_epoch, model.weights()};
}

Predictor::Predictor(const Checkpoint& checkpoint)
    : settings_(settings_from_params(checkpoint.params)),
      scaler_(scale_kind_from(checkpoint.scaler_kind), checkpoint.scaler_offset, checkpoint.scaler_scale),
      model_(model_from(settings_, checkpoint.weights)) {}

Predictions Predictor::predict(const data::PreparedData& data) {
  if (!same_scaler(data.scaler(), scaler_))
    throw Error("the data's scaler (" + data.scaler().kind() + ") differs from the checkpoint's: prepare the "
                "data with the checkpoint's parameters");
  return to_predictions(data, forecast_every_window(model_, data));
}

std::vector<double> Predictor::forecast(std::span<const double> history) {
  // A series alone cannot feed a model that also reads sub-step history (history_freq).
  if (model_.config().input_channels != 1)
    throw InputError("forecast from a bare series needs a one-channel model; this one reads " +
                     std::to_string(model_.config().input_channels) + " channels a step: use predict() on prepared data");
  const std::size_t look_back = static_cast<std::size_t>(settings_.look_back);
  if (history.size() < look_back)
    throw InputError("forecast needs at least " + std::to_string(look_back) + " values, got " +
                     std::to_string(history.size()));
  std::vector<float> x;
  for (double value : history.last(look_back)) x.push_back(scaler_.apply(value));
  std::vector<float> output(static_cast<std::size_t>(settings_.horizon));
  model_.predict(x.data(), 1, output.data());
  std::vector<double> next;
  for (float value : output) next.push_back(scaler_.invert(value));
  return next;
}

}  // namespace vmsweep::train
