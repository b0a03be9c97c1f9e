// `vmsweep plot RESULTS`: the notebook's two figures for one trial and the sweep overview, as PNG
// files drawn by scripts/plot_results.py (matplotlib). The arguments are checked here, so a bad
// trial id or a file that is not a vmsweep result is exit code 2 before Python starts.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "plot_script.hpp"
#include "report_baselines.hpp"
#include "report_fleet.hpp"
#include "report_source.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* plot_description =
    "Draw PNG files of a sweep with matplotlib: loss per epoch of a trial (the best by default) with the "
    "restored epoch marked, its predictions over the series (train/validation/test coloured, persistence "
    "dotted over the test part), and the sweep's metric against each parameter plus a parallel-coordinates "
    "view, and for a horizon over 1 the test error per step ahead against the baselines'; on a fleet also fleet.png (the "
    "distribution of the ratio LSTM / ridge AR over the traces, LSTM vs ridge AR test MSE per trace, and the test "
    "predictions of the traces where the LSTM does best and worst). Needs Python 3 with "
    "matplotlib and h5py (VMSWEEP_PYTHON, default /usr/bin/python3).";

struct PlotArguments {
  std::string results;
  std::string trial;
  std::string output;
};

// The trial to draw: the one asked for, else the best by the sweep's metric; it must have a curve.
std::string chosen_trial(const SweepResults& results, const std::string& asked) {
  if (asked.empty()) {
    const auto ranked = ranked_trials(results);
    if (ranked.empty()) throw InputError(results.source().string() + ": no finished trial with " + results.meta().metric + " to plot");
    return ranked.front()->id;
  }
  const io::StoredTrial trial = results.trial(asked);
  if (trial.result.curve.empty() || trial.result.predictions.actual.empty())
    throw InputError("trial " + asked + " " + to_string(trial.result.status) + " without a loss curve or predictions: " +
                     (trial.result.reason.empty() ? "nothing to plot" : trial.result.reason));
  return asked;
}

// "--baseline NAME=VALUE" per baseline method: its best score on the sweep's metric, drawn as a
// reference line in the overview (failing baselines only cost the lines, with a warning).
std::vector<std::string> baseline_arguments(const SweepResults& results) {
  std::vector<std::string> problems;
  std::vector<std::pair<std::string, double>> best;
  for (const BaselineScore& score : sweep_baselines(results, problems)) {
    for (const auto& [name, value] : score.metrics) {
      if (name != results.meta().metric) continue;
      auto found = std::find_if(best.begin(), best.end(), [&](const auto& b) { return b.first == score.method; });
      if (found == best.end()) best.emplace_back(score.method, value);
      else found->second = results.meta().metric_goal == "maximize" ? std::max(found->second, value) : std::min(found->second, value);
    }
  }
  for (const std::string& problem : problems) std::cerr << "vmsweep: warning: " << problem << "\n";
  std::vector<std::string> arguments;
  for (const auto& [method, value] : best) arguments.insert(arguments.end(), {"--baseline", method + "=" + std::to_string(value)});
  return arguments;
}

// "--baseline-steps NAME=V1,...,VH" per baseline of the trial's horizon (> 1) and look-back: its test
// MSE per step ahead, drawn against the trial's in error_by_step.png.
std::vector<std::string> baseline_step_arguments(const SweepResults& results, const std::string& trial) {
  const Value& params = results.trial(trial).result.params;
  const Value* horizon = params.find("horizon");
  const Value* look_back = params.find("look_back");
  std::vector<std::string> problems, arguments;
  if (!horizon || !horizon->is_int() || horizon->as_int() < 2) return arguments;
  for (const BaselineScore& score : sweep_baselines(results, problems)) {
    if (score.horizon != horizon->as_int() || (score.look_back != 0 && look_back && score.look_back != look_back->as_int())) continue;
    std::string values;
    for (std::int64_t k = 1; k <= score.horizon; ++k) {
      const std::string name = "test_mse_h" + std::to_string(k);
      for (const auto& [metric, value] : score.metrics)
        if (metric == name) values += (values.empty() ? "" : ",") + Value(value).to_string();
    }
    arguments.insert(arguments.end(), {"--baseline-steps", score.method + "=" + values});
  }
  return arguments;
}

// Beside the sweep's trial files: results/<name>/plots, whether read from results/<name>.h5 or
// from the folder of a sweep still running.
std::string default_plot_folder(const SweepResults& results) {
  std::filesystem::path folder = results.source();
  if (!results.running()) folder.replace_extension();
  return (folder / "plots").string();
}

// The fleet page's input: the report's fleet section (the guarded forecast included) as JSON.
std::string fleet_data(const SweepResults& results) {
  std::vector<std::string> problems;
  const std::vector<TraceOutcome> outcomes = fleet_outcomes(results, sweep_baselines(results, problems), true);
  std::ostringstream json;
  render({fleet_section(results, outcomes)}, ReportFormat::json, json);
  return json.str();
}

void plot(const PlotArguments& args, CommandStatus& status) {
  const SweepResults results = SweepResults::open(args.results);
  const std::string trial = chosen_trial(results, args.trial);
  const std::string output = args.output.empty() ? default_plot_folder(results) : args.output;
  std::vector<std::string> arguments{results.source().string(), "--trial", trial, "-o", output};
  for (std::string& argument : baseline_arguments(results)) arguments.push_back(std::move(argument));
  for (std::string& argument : baseline_step_arguments(results, trial)) arguments.push_back(std::move(argument));
  if (results.fleet()) {
    const std::string data = fleet_data(results);
    std::filesystem::create_directories(output);
    const std::filesystem::path file = std::filesystem::path(output) / "fleet.data.json";
    arguments.insert(arguments.end(), {"--fleet", file.string()});
    run_plot_script_with(file, data, arguments);
  } else if (const int code = run_program(plot_interpreter(), find_plot_script(), arguments); code != 0) {
    throw Error("the plot script exited with code " + std::to_string(code));
  }
  status.exit_code = 0;
}

}  // namespace

void add_plot_commands(CLI::App& app, CommandStatus& status) {
  auto* command = app.add_subcommand("plot", plot_description);
  auto args = std::make_shared<PlotArguments>();
  command->add_option("results", args->results, "results/<name>.h5, or results/<name> while the sweep runs")
      ->required();
  command->add_option("--trial", args->trial, "The trial whose loss curve and predictions are drawn (default: the best)");
  command->add_option("-o,--output", args->output, "Folder for the PNG files (default: results/<name>/plots, beside the sweep's trial files)");
  command->callback([args, &status] { plot(*args, status); });
}

}  // namespace vmsweep::cli
