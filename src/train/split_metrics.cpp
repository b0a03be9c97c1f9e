#include "split_metrics.hpp"

#include <span>
#include <string>

#include "vmsweep/eval/metrics.hpp"
#include "vmsweep/eval/step_scores.hpp"
#include "vmsweep/train/forecast_scores.hpp"

namespace vmsweep::train {

namespace {

void append_scores(const std::string& part, const eval::Metrics& scores, Metrics& metrics) {
  metrics.insert(metrics.end(), {{part + "_mse", scores.mse},
                                 {part + "_rmse", scores.rmse},
                                 {part + "_mae", scores.mae},
                                 {part + "_mape", scores.mape},
                                 {part + "_smape", scores.smape},
                                 {part + "_r2", scores.r2}});
}

}  // namespace

Metrics range_metrics(const data::PreparedData& data, const eval::Forecast& forecast, data::WindowRange range,
                      const std::string& part, bool by_step) {
  const int horizon = data.windows().horizon;
  const std::size_t first = range.first * static_cast<std::size_t>(horizon);
  const std::size_t count = range.count * static_cast<std::size_t>(horizon);
  const std::span<const double> actual = std::span(forecast.actual).subspan(first, count);
  const std::span<const double> predicted = std::span(forecast.predicted).subspan(first, count);
  Metrics metrics;
  append_scores(part, eval::score(actual, predicted), metrics);
  if (by_step)
    add_step_metrics(metrics, part, eval::score_by_step(actual, predicted, eval::window_major_steps(count, horizon), horizon));
  return metrics;
}

Metrics split_metrics(const data::PreparedData& data, const eval::Forecast& forecast) {
  Metrics metrics;
  for (data::Split part : {data::Split::train, data::Split::val, data::Split::test}) {
    const data::WindowRange range = data.range(part);
    if (range.count == 0) continue;
    const Metrics scores = range_metrics(data, forecast, range, data::split_name(part), part != data::Split::train);
    metrics.insert(metrics.end(), scores.begin(), scores.end());
  }
  return metrics;
}

}  // namespace vmsweep::train
