#include "forecast_plot.hpp"

#include <algorithm>

#include "plot_script.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::cli {

namespace {

std::size_t history_steps(const train::FutureForecast& forecast, const PredictionModels& models, int history) {
  if (history > 0) return static_cast<std::size_t>(history);
  std::size_t steps = 8 * forecast.point.size();
  for (const train::ForecastMember& member : models.members)
    steps = std::max(steps, static_cast<std::size_t>(train::settings_from_params(member.model.params).look_back));
  return steps;
}

// The chart's input for the script: the history as two lists and the forecast rows as objects.
Value chart_data(const train::FutureForecast& forecast, const Section& rows, const PredictionModels& models, int history) {
  const std::vector<double>& values = forecast.trace.values;
  const std::size_t first = values.size() - std::min(values.size(), history_steps(forecast, models, history));
  Value::List times, shown;
  for (std::size_t i = first; i < values.size(); ++i) {
    times.emplace_back(forecast.trace.timestamps_ms[i]);
    shown.emplace_back(values[i]);
  }
  Value::List forecast_rows;
  for (const auto& row : rows.rows) {
    Value::Map object;
    for (std::size_t c = 0; c < row.size(); ++c) object.emplace_back(rows.columns[c], row[c]);
    forecast_rows.emplace_back(std::move(object));
  }
  std::string ids;
  for (const std::string& id : models.ids) ids += " " + id;
  const std::string title = models.label + (models.ids.size() > 1 ? " (mean of trials" + ids + ")" : "") + ": the " +
                            std::to_string(rows.rows.size()) + " steps after " +
                            data::format_iso8601(forecast.trace.timestamps_ms.back()) + ", " +
                            std::filesystem::path(forecast.trace.report.file).filename().string();
  return Value(Value::Map{{"title", title},
                          {"history_ms", std::move(times)},
                          {"history", std::move(shown)},
                          {"forecast", std::move(forecast_rows)}});
}

}  // namespace

void check_plot_path(const std::filesystem::path& png) {
  const std::filesystem::path folder = png.parent_path().empty() ? "." : png.parent_path();
  if (!std::filesystem::is_directory(folder)) throw InputError("--plot " + png.string() + ": no folder " + folder.string());
}

void draw_forecast(const std::filesystem::path& png, const train::FutureForecast& forecast, const Section& rows,
                   const PredictionModels& models, int history) {
  const std::filesystem::path data = png.string() + ".data.json";
  run_plot_script_with(data, chart_data(forecast, rows, models, history).to_json(),
                       {"--forecast", data.string(), "-o", png.string()});
}

}  // namespace vmsweep::cli
