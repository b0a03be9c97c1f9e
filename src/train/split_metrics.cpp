#include "split_metrics.hpp"

#include <span>
#include <string>

#include "vmsweep/eval/metrics.hpp"

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
                      const std::string& part) {
  const std::size_t horizon = static_cast<std::size_t>(data.windows().horizon);
  const std::size_t first = range.first * horizon;
  const std::size_t count = range.count * horizon;
  Metrics metrics;
  append_scores(part,
                eval::score(std::span(forecast.actual).subspan(first, count),
                            std::span(forecast.predicted).subspan(first, count)),
                metrics);
  return metrics;
}

Metrics split_metrics(const data::PreparedData& data, const eval::Forecast& forecast) {
  Metrics metrics;
  for (data::Split part : {data::Split::train, data::Split::val, data::Split::test}) {
    const data::WindowRange range = data.range(part);
    if (range.count == 0) continue;
    const Metrics scores = range_metrics(data, forecast, range, data::split_name(part));
    metrics.insert(metrics.end(), scores.begin(), scores.end());
  }
  return metrics;
}

}  // namespace vmsweep::train
