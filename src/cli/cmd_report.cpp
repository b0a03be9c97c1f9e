// `vmsweep report RESULTS`: leaderboard with baselines, parameter effects and problems of a sweep,
// or one trial in full, as a text table, CSV, JSON or Markdown.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "number_checks.hpp"
#include "report_ensemble.hpp"
#include "report_fleet.hpp"
#include "report_sections.hpp"
#include "trace_names.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* report_description =
    "Show what a sweep found: the top trials by the sweep's metric with their parameters, validation and "
    "test metrics, epochs and seconds, the baselines (persistence, seasonal naive, ridge autoregression, simple exponential smoothing) "
    "scored on the same windows, three ensembles chosen on validation (seed_mean, top K, guarded: the best trials that beat ridge AR on validation, else ridge AR), the error per step ahead (horizon > 1), the effect of each parameter, and the trials that failed, diverged or "
    "were stopped. On a fleet (a sweep over several traces): one row per trace (the trial and baselines chosen on its "
    "validation, its guarded forecast, their test MSE and ratios) and the fleet summary (median and quartiles of the ratios, "
    "the traces where the LSTM wins); --trace shows one trace's own report. "
    "Reads results/<name>.h5, or the trial files of a sweep still running (results/<name>).";

struct ReportArguments {
  std::string results;
  std::string format = "table";
  std::size_t top = 10;
  std::string trial;
  std::string trace;
  std::string section;
  bool no_baselines = false;
  std::size_t ensemble = 5;
  std::string beside;
};

std::vector<BaselineScore> report_baselines(const SweepResults& results, const ReportArguments& args) {
  if (args.no_baselines) return {};
  std::vector<std::string> problems;
  std::vector<BaselineScore> baselines = sweep_baselines(results, problems);
  for (const std::string& problem : problems) std::cerr << "vmsweep: warning: " << problem << "\n";
  return baselines;
}

std::vector<Section> sweep_sections(const SweepResults& results, const ReportArguments& args) {
  const std::vector<BaselineScore> baselines = report_baselines(results, args);
  const std::vector<BaselineScore> ensembles =
      args.ensemble > 0 ? ensemble_scores(results, args.ensemble, baselines) : std::vector<BaselineScore>{};
  std::vector<Section> sections{leaderboard_section(results, ensembles, baselines, args.top)};
  if (Section steps = steps_section(results, ensembles, baselines); !steps.rows.empty()) sections.push_back(std::move(steps));
  sections.push_back(effects_section(results));
  sections.push_back(problems_section(results));
  sections.push_back(sweep_section(results));
  return sections;
}

// The other sweep of `--beside`: a fleet with at least one of these traces (the same file).
std::optional<BesideFleet> beside_fleet(const SweepResults& results, const std::vector<TraceOutcome>& outcomes,
                                        const ReportArguments& args) {
  if (args.beside.empty()) return std::nullopt;
  const SweepResults other = SweepResults::open(args.beside);
  BesideFleet beside{fleet_mode(other), other.fleet() ? fleet_outcomes(other, report_baselines(other, args), args.ensemble > 0)
                                                      : std::vector<TraceOutcome>{}};
  if (std::ranges::none_of(outcomes, [&](const TraceOutcome& trace) { return beside.on(trace) != nullptr; }))
    throw InputError("--beside " + args.beside + ": not a fleet of these traces (it has " + std::to_string(other.traces().size()) +
                     (other.traces().size() == 1 ? " trace" : " traces") + ", none of them one of " +
                     results.source().string() + "'s)");
  return beside;
}

// A fleet's rows per trace and summary; each trace's own leaderboard is one --trace away.
std::vector<Section> fleet_sections(const SweepResults& results, const ReportArguments& args) {
  const std::vector<TraceOutcome> outcomes = fleet_outcomes(results, report_baselines(results, args), args.ensemble > 0);
  const std::optional<BesideFleet> beside = beside_fleet(results, outcomes, args);
  const BesideFleet* other = beside ? &*beside : nullptr;
  return {fleet_section(results, outcomes, other), fleet_summary_section(results, outcomes, other), problems_section(results),
          sweep_section(results)};
}

std::vector<Section> report_sections(const SweepResults& results, const ReportArguments& args) {
  if (!args.beside.empty() && !results.fleet())
    throw InputError("--beside compares two fleets trace by trace: " + results.source().string() + " is not a fleet");
  if (!args.beside.empty() && (!args.trial.empty() || !args.trace.empty()))
    throw InputError("--beside compares two fleets trace by trace: it does not combine with --trial or --trace");
  if (!args.trial.empty()) return trial_sections(results.trial(args.trial));
  if (!args.trace.empty())
    return sweep_sections(results.only_trace(find_trace(results.traces(), args.trace, results.source().string())), args);
  return results.fleet() ? fleet_sections(results, args) : sweep_sections(results, args);
}

void report(const ReportArguments& args) {
  const ReportFormat format = report_format_from_string(args.format);
  const SweepResults results = SweepResults::open(args.results);
  const std::vector<Section> sections = report_sections(results, args);
  std::ostringstream text;  // rendered whole first, so an error never leaves half a report
  render(sections, format, text, args.section);
  std::cout << text.str();
}

}  // namespace

void add_report_commands(CLI::App& app, CommandStatus&) {
  auto* command = app.add_subcommand("report", report_description);
  auto args = std::make_shared<ReportArguments>();
  command->add_option("results", args->results, "results/<name>.h5, or results/<name> while the sweep runs")
      ->required();
  command->add_option("--format", args->format, "table, csv, json or markdown (csv: one section, see --section)")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown"}))
      ->capture_default_str();
  command->add_option("--top", args->top, "Trials in the leaderboard")->check(positive_number())->capture_default_str();
  command->add_option("--trial", args->trial, "Show this trial in full (fields, parameters, metrics, loss curve)");
  command->add_option("--trace", args->trace,
                      "On a fleet: this trace's own report (its trials, ensembles and baselines only); the trace id or its "
                      "short form as the fleet section shows it");
  command->add_option("--section", args->section,
                      "Only this section: leaderboard, steps (error per step ahead), effects, problems or sweep (on a fleet: "
                      "fleet, fleet_summary, problems or sweep; with --trial: trial or curve); "
                      "CSV shows the first (leaderboard, fleet, or trial) unless given");
  command->add_option("--ensemble", args->ensemble,
                      "Rows combining trials, chosen on validation: the mean of the best configuration's seeds and "
                      "the mean of the top K trials, and the guarded forecast (0: none)")
      ->capture_default_str();
  command->add_flag("--no-baselines", args->no_baselines,
                    "Do not compute the baselines when the results hold none (they prepare the data again)");
  command->add_option("--beside", args->beside,
                      "On a fleet: another sweep of the same traces (e.g. fleet: global beside fleet: local); its trial, "
                      "test MSE and ratio to ridge AR join each trace's row, and its lines the fleet summary");
  command->callback([args] { report(*args); });
}

}  // namespace vmsweep::cli
