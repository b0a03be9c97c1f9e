// `vmsweep report RESULTS`: leaderboard with baselines, parameter effects and problems of a sweep,
// or one trial in full, as a text table, CSV, JSON or Markdown.
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "number_checks.hpp"
#include "report_ensemble.hpp"
#include "report_sections.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* report_description =
    "Show what a sweep found: the top trials by the sweep's metric with their parameters, validation and "
    "test metrics, epochs and seconds, the baselines (persistence, seasonal naive, ridge autoregression, simple exponential smoothing) "
    "scored on the same windows, three ensembles chosen on validation (seed_mean, top K, guarded: the best trials that beat ridge AR on validation, else ridge AR), the error per step ahead (horizon > 1), the effect of each parameter, and the trials that failed, diverged or "
    "were stopped. Reads results/<name>.h5, or the trial files of a sweep still running (results/<name>).";

struct ReportArguments {
  std::string results;
  std::string format = "table";
  std::size_t top = 10;
  std::string trial;
  std::string section;
  bool no_baselines = false;
  std::size_t ensemble = 5;
};

std::vector<Section> sweep_sections(const SweepResults& results, const ReportArguments& args) {
  std::vector<std::string> problems;
  const std::vector<BaselineScore> baselines = args.no_baselines ? std::vector<BaselineScore>{}
                                                                 : sweep_baselines(results, problems);
  for (const std::string& problem : problems) std::cerr << "vmsweep: warning: " << problem << "\n";
  const std::vector<BaselineScore> ensembles =
      args.ensemble > 0 ? ensemble_scores(results, args.ensemble, baselines) : std::vector<BaselineScore>{};
  std::vector<Section> sections{leaderboard_section(results, ensembles, baselines, args.top)};
  if (Section steps = steps_section(results, ensembles, baselines); !steps.rows.empty()) sections.push_back(std::move(steps));
  sections.push_back(effects_section(results));
  sections.push_back(problems_section(results));
  sections.push_back(sweep_section(results));
  return sections;
}

void report(const ReportArguments& args) {
  const ReportFormat format = report_format_from_string(args.format);
  const SweepResults results = SweepResults::open(args.results);
  const std::vector<Section> sections =
      args.trial.empty() ? sweep_sections(results, args) : trial_sections(results.trial(args.trial));
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
  command->add_option("--section", args->section,
                      "Only this section: leaderboard, steps (error per step ahead), effects, problems or sweep (with --trial: "
                      "trial or curve); "
                      "CSV shows the first (leaderboard, or trial) unless given");
  command->add_option("--ensemble", args->ensemble,
                      "Rows combining trials, chosen on validation: the mean of the best configuration's seeds and "
                      "the mean of the top K trials, and the guarded forecast (0: none)")
      ->capture_default_str();
  command->add_flag("--no-baselines", args->no_baselines,
                    "Do not compute the baselines when the results hold none (they prepare the data again)");
  command->callback([args] { report(*args); });
}

}  // namespace vmsweep::cli
