#include "window_forecast.hpp"

#include <optional>

#include "window_batch.hpp"

namespace vmsweep::train {

namespace {

bool contains(data::WindowRange range, std::size_t window) { return window >= range.first && window < range.end(); }

std::optional<SplitPart> part_of(const data::PreparedData& data, std::size_t window) {
  if (contains(data.range(data::Split::test), window)) return SplitPart::test;
  if (contains(data.range(data::Split::val), window)) return SplitPart::val;
  if (contains(data.range(data::Split::train), window)) return SplitPart::train;
  return std::nullopt;
}

}  // namespace

eval::Forecast forecast_every_window(model::LstmStack& model, const data::PreparedData& data) {
  WindowBatch all = gather_range(data, {0, data.window_count()});
  std::vector<float> output(all.y.size());
  if (all.count > 0) model.predict(all.x.data(), all.count, output.data());
  const std::size_t horizon = static_cast<std::size_t>(data.windows().horizon);
  eval::Forecast forecast;
  forecast.actual.reserve(output.size());
  forecast.predicted.reserve(output.size());
  for (std::size_t i = 0; i < output.size(); ++i) {
    forecast.actual.push_back(data.values()[data.target_step(i / horizon) + i % horizon]);
    forecast.predicted.push_back(data.scaler().invert(output[i]));
  }
  return forecast;
}

Predictions to_predictions(const data::PreparedData& data, const eval::Forecast& forecast) {
  const std::size_t horizon = static_cast<std::size_t>(data.windows().horizon);
  Predictions rows;
  for (std::size_t window = 0; window < data.window_count(); ++window) {
    std::optional<SplitPart> part = part_of(data, window);
    if (!part) continue;
    for (std::size_t k = 0; k < horizon; ++k) {
      const std::size_t entry = window * horizon + k;
      rows.timestamp_ms.push_back(data.timestamps_ms()[data.target_step(window) + k]);
      rows.actual.push_back(forecast.actual[entry]);
      rows.predicted.push_back(forecast.predicted[entry]);
      rows.split.push_back(*part);
      rows.horizon_step.push_back(static_cast<std::int32_t>(k + 1));
    }
  }
  return rows;
}

}  // namespace vmsweep::train
