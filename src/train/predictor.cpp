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
  return model::LstmStack(model_config_for(settings, input_channels_of(weights)), weights);
}

}  // namespace

Checkpoint make_checkpoint(const Value& params, const data::PreparedData& data, int best_epoch,
                           const model::LstmStack& model) {
  Checkpoint checkpoint;
  checkpoint.params = params;
  checkpoint.best_epoch = best_epoch;
  checkpoint.weights = model.weights();
  set_scalers(checkpoint, data);
  return checkpoint;
}

void set_scalers(Checkpoint& checkpoint, const data::PreparedData& data) {
  const data::Scaler& series = data.scaler();
  const data::Scaler& history = data.history_scaler();
  checkpoint.scaler_kind = series.kind();
  checkpoint.scaler_offset = series.offset();
  checkpoint.scaler_scale = series.scale();
  checkpoint.history_scaler_kind = history.kind();
  checkpoint.history_scaler_offset = history.offset();
  checkpoint.history_scaler_scale = history.scale();
}

Predictor::Predictor(const Checkpoint& checkpoint)
    : settings_(settings_from_params(checkpoint.params)),
      scaler_(scale_kind_from(checkpoint.scaler_kind), checkpoint.scaler_offset, checkpoint.scaler_scale),
      history_scaler_(scale_kind_from(checkpoint.history_scaler_kind), checkpoint.history_scaler_offset,
                      checkpoint.history_scaler_scale),
      model_(model_from(settings_, checkpoint.weights)) {}

Predictions Predictor::predict(const data::PreparedData& data) {
  if (!same_scaler(data.scaler(), scaler_))
    throw Error("the data's scaler (" + data.scaler().kind() + ") differs from the checkpoint's: prepare the "
                "data with the checkpoint's parameters");
  return to_predictions(data, forecast_every_window(model_, data));
}

std::vector<double> Predictor::forecast(const data::LoadedTrace& trace) {
  const int channels = model_.config().input_channels;
  const std::size_t given = 1 + trace.history.per_step + trace.season_lags.size();
  if (static_cast<int>(given) != channels)
    throw InputError("the model reads " + std::to_string(channels) + " input channels a step, the trace gives " +
                     std::to_string(given) + " (load it with the model's data settings, history_freq and season_lags included)");
  const std::vector<float> x = data::last_window(trace, settings_.look_back, scaler_, history_scaler_);
  std::vector<float> output(static_cast<std::size_t>(settings_.horizon));
  model_.predict(x.data(), 1, output.data());
  std::vector<double> next;
  for (float value : output) next.push_back(scaler_.invert(value));
  return next;
}

std::vector<double> Predictor::forecast(std::span<const double> history) {
  data::LoadedTrace trace;
  trace.values.assign(history.begin(), history.end());
  return forecast(trace);
}

}  // namespace vmsweep::train
