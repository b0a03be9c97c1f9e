// `vmsweep predict RESULTS --data TRACE`: the next steps after a trace's end, forecast by a sweep's
// kept models, with split-conformal intervals, as CSV, JSON or HDF5, and a fan chart on request.
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "forecast_plot.hpp"
#include "forecast_sheet.hpp"
#include "predict_models.hpp"
#include "text_file.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/io/forecast_file.hpp"
#include "vmsweep/io/sweep_store.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* predict_description =
    "Forecast the next steps after the end of a trace with a sweep's kept models: the best trial by default, "
    "one trial (--trial), or the mean of an ensemble's members (--ensemble seed_mean|top_k, as `vmsweep report` "
    "chose them on validation). The trace is loaded with the trial's own data settings (columns, cleaning, "
    "resampling), so a newer copy of the sweep's trace works; its last look_back steps are scaled with the "
    "trial's stored scaler. On a local fleet (a search per trace) --data is one of its traces, forecast by "
    "that trace's best trial. A global model (fleet: global) forecasts any trace, one it learned from or not, "
    "scaled as training scaled each of its traces: on the trace's own training part. Each step gets "
    "split-conformal intervals from the validation errors of that step (a global model's on this trace; "
    "docs/forecasting.md). Writes timestamp, step, forecast and lower_<L>/upper_<L> per level, in the "
    "series' units.\nExit codes: 0 written, 1 error, 2 bad input (nothing written).";

struct PredictArguments {
  std::string results;
  std::string data;
  std::string trial;
  std::string ensemble;
  int horizon = 0;
  std::string output;
  std::string format = "csv";
  std::vector<double> levels{0.8, 0.95};
  std::string plot;
  int history = 0;
};

void add_predict_options(CLI::App& predict, PredictArguments& args) {
  predict.add_option("results", args.results, "results/<name>.h5 of a finished sweep")->required()->check(CLI::ExistingFile);
  predict.add_option("--data", args.data, "The trace to forecast from (its last steps); the sweep's own or a newer copy")
      ->required()
      ->check(CLI::ExistingFile);
  auto* trial = predict.add_option("--trial", args.trial, "Forecast with this trial's model (default: the best trial)");
  predict.add_option("--ensemble", args.ensemble, "Forecast with the mean of an ensemble's members")
      ->check(CLI::IsMember({"seed_mean", "top_k"}))
      ->excludes(trial);
  predict.add_option("--horizon", args.horizon, "Steps to forecast, at most the trained horizon (default: all of it)")
      ->check(CLI::PositiveNumber);
  predict.add_option("-o,--output", args.output, "File to write (default: standard output; needed for hdf5)");
  predict.add_option("--format", args.format, "csv, json or hdf5")
      ->check(CLI::IsMember({"csv", "json", "hdf5"}))
      ->capture_default_str();
  predict.add_option("--level", args.levels, "Interval levels, comma-separated")->delimiter(',')->capture_default_str();
  predict.add_option("--plot", args.plot, "Also draw the fan chart (history, forecast, shaded intervals) as this PNG");
  predict.add_option("--history", args.history, "Steps of history in the fan chart (default: 8 horizons, at least the look-back)")
      ->check(CLI::PositiveNumber);
}

std::vector<Section> predict_sections(const PredictionModels& models, const train::FutureForecast& forecast,
                                      const std::vector<IntervalLevel>& levels, const std::string& results) {
  Section about{"about", "forecast made with", {"field", "value"}, {}};
  std::string ids;
  for (const std::string& id : models.ids) ids += (ids.empty() ? "" : " ") + id;
  about.add_row({"results", results});
  about.add_row({"model", models.label});
  about.add_row({"trials", ids});
  about.add_row({"trace_end", data::format_iso8601(forecast.trace.timestamps_ms.back())});
  about.add_row({"intervals", models.calibration.empty() ? "none (no calibration stored)" : "split conformal, validation errors per step"});
  return {forecast_section(forecast, models.calibration, levels), about};
}

void write_output(const PredictArguments& args, const std::vector<Section>& sections) {
  if (args.format == "hdf5") {
    std::vector<std::pair<std::string, std::string>> attributes;
    for (const auto& row : sections.back().rows) attributes.emplace_back(row[0].as_string(), row[1].as_string());
    io::write_forecast_file(args.output, forecast_table(sections.front()), attributes);
    return;
  }
  std::ostringstream text;
  render(sections, args.format == "json" ? ReportFormat::json : ReportFormat::csv, text);
  if (args.output.empty()) std::cout << text.str() << std::flush;
  else write_text_file(args.output, text.str());
}

void warn_about_unbounded(const Section& forecast) {
  for (const auto& row : forecast.rows)
    for (const Value& cell : row)
      if (cell.is_null()) {
        std::cerr << "vmsweep: warning: some interval bounds are empty: the validation part has too few windows "
                     "to bound that level (n errors bound levels up to n / (n + 1))\n";
        return;
      }
}

void predict(const PredictArguments& args) {
  if (args.format == "hdf5" && args.output.empty()) throw InputError("--format hdf5 needs -o FILE");
  if (!args.plot.empty()) check_plot_path(args.plot);
  const std::vector<IntervalLevel> levels = interval_levels(args.levels);
  const io::SweepReader results(args.results);
  const PredictionModels models = prediction_models(results, args.trial, args.ensemble, args.data);
  const int horizon = args.horizon > 0 ? args.horizon : train::trained_horizon(models.members);
  const train::FutureForecast forecast = train::forecast_after(models.members, args.data, horizon);
  const std::vector<Section> sections = predict_sections(models, forecast, levels, args.results);
  warn_about_unbounded(sections.front());
  write_output(args, sections);
  if (!args.plot.empty()) draw_forecast(args.plot, forecast, sections.front(), models, args.history);
}

}  // namespace

void add_predict_commands(CLI::App& app, CommandStatus&) {
  auto* command = app.add_subcommand("predict", predict_description);
  auto args = std::make_shared<PredictArguments>();
  add_predict_options(*command, *args);
  command->callback([args] { predict(*args); });
}

}  // namespace vmsweep::cli
