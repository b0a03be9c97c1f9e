// `vmsweep validate SWEEP.yaml`: everything a sweep checks before training (dist::check_sweep, the
// preflight `vmsweep run` does too), and what it would run, without training: the file, the data
// with each distinct data setting, the settings of the first trials and of trials at the edges of
// the space (never the whole trial list), and a rough cost.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "space_text.hpp"
#include "number_checks.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/dist/sweep_check.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/parameters.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/trial_cost.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* validate_description =
    "Check a sweep file without training: parse it, load the data with each distinct data setting, read "
    "the settings of the first trials and of trials at the edges of the space, then print the trial count, "
    "the parameter space, how a W&B file was read, the first trials and a rough cost. Exit 0 when the sweep can run, 2 with the first problem (file:line:column: key: what was "
    "expected).";

struct ValidateArguments {
  std::string sweep_file;
  int show = 5;
};

// What validate shows of the checked trials: the first few, and their cost.
struct Shown {
  std::vector<sweep::PreviewTrial> first;
  std::int64_t costed = 0;               // trials whose cost was counted
  double low_flops = 0, high_flops = 0;  // per epoch, over those trials
  double sweep_flops = 0;                // those trials to their last epoch (early stopping makes it less)
};

void take(Shown& shown, const dist::CheckedTrial& checked, int show) {
  const dist::DataShape& data = checked.data;
  const double flops = train::flops_per_epoch(checked.settings, {data.train_windows, data.val_windows, data.input_channels});
  shown.low_flops = shown.costed == 0 ? flops : std::min(shown.low_flops, flops);
  shown.high_flops = std::max(shown.high_flops, flops);
  shown.sweep_flops += flops * checked.settings.epochs;
  ++shown.costed;
  if (shown.first.size() < static_cast<std::size_t>(show)) shown.first.push_back(checked.preview);
}

void print_summary(const sweep::SweepSpec& spec, std::ostream& out) {
  out << "sweep " << spec.display_name << " (" << spec.path.string() << ", sha256 " << spec.hash.substr(0, 12) << ")\n"
      << "  method " << sweep::method_name(spec.method) << ", metric " << metric_text(spec.metric) << ", seed "
      << spec.seed << ", repeats " << spec.repeats << "\n"
      << "  trials: " << sweep::trial_count(spec)
      << (spec.run_cap ? " (run_cap " + std::to_string(*spec.run_cap) + ")" : std::string()) << "\n";
  if (spec.early_terminate) out << "  early_terminate: " << early_terminate_text(*spec.early_terminate) << "\n";
  out << "parameter space:\n";
  std::size_t width = 15;
  for (const sweep::ParameterSpec& parameter : spec.parameters) width = std::max(width, parameter.name.size());
  for (const sweep::ParameterSpec& parameter : spec.parameters)
    out << "  " << std::left << std::setw(static_cast<int>(width) + 1) << parameter.name
        << parameter_text(parameter, spec.method) << "\n";
}

// A fleet's traces: how many, the first few ids, the skipped ones with why, and the trials per trace.
void print_traces(const sweep::SweepSpec& spec, std::ostream& out) {
  constexpr std::size_t shown = 5;
  if (!spec.is_fleet() && spec.skipped.empty()) return;
  out << "traces: " << spec.traces.size() << " (fleet: local, one search each; "
      << sweep::trial_count(spec) / static_cast<std::int64_t>(spec.traces.size()) << " trials per trace)\n";
  for (std::size_t index = 0; index < std::min(shown, spec.traces.size()); ++index) out << "  " << spec.traces[index].id << "\n";
  if (spec.traces.size() > shown) out << "  ... and " << spec.traces.size() - shown << " more\n";
  for (const sweep::SkippedTrace& skipped : spec.skipped)
    out << "  skipped (data.skip_bad) " << skipped.id << ": " << skipped.reason << "\n";
}

// Where vmsweep reads a (W&B) file otherwise than its letter: aliases, nesting, layer sizes.
void print_readings(const sweep::SweepSpec& spec, std::ostream& out) {
  if (spec.readings.empty()) return;
  out << "read as:\n";
  for (const std::string& reading : spec.readings) out << "  " << reading << "\n";
}

std::string period_text(const dist::TargetPeriod& period) {
  return data::format_iso8601(period.first_ms) + " .. " + data::format_iso8601(period.last_ms);
}

// The parts' target periods, once: validation and test are the same for every look-back, horizon
// and season lag (fair splits), training starts later with a longer look-back. Data settings that
// move them (another split or resampling) get a line each.
void print_periods(const dist::SweepCheck& check, std::ostream& out) {
  std::map<std::string, std::pair<std::string, std::int64_t>> lines;  // text after the train start -> file, earliest start
  for (const auto& [key, data] : check.data) {
    const std::string rest = data::format_iso8601(data.train.last_ms) + " (from the shortest look-back), val " +
                             period_text(data.val) + ", test " + period_text(data.test);
    auto [it, added] = lines.emplace(data.file + rest, std::pair{data.file, data.train.first_ms});
    it->second.second = std::min(it->second.second, data.train.first_ms);
  }
  for (const auto& [text, line] : lines)
    out << "  periods (target timestamps) of " << line.first << ": train " << data::format_iso8601(line.second)
        << " .. " << text.substr(line.first.size()) << "\n";
}

void print_data(const dist::SweepCheck& check, std::ostream& out) {
  out << "data: " << check.data.size() << " distinct setting(s) loaded\n";
  for (const auto& [key, data] : check.data)
    out << "  " << data.file << ": " << data.steps << " steps; windows train " << data.train_windows << ", val "
        << data.val_windows << ", test " << data.test_windows << "\n";
  print_periods(check, out);
}

void print_trials(const dist::SweepCheck& check, const Shown& shown, std::ostream& out) {
  out << (check.spec.method == sweep::Method::bayes ? "first proposals (random start-up):\n" : "first trials:\n");
  for (const sweep::PreviewTrial& preview : shown.first) out << "  " << trial_text(check.spec, preview) << "\n";
  out << "checked: " << check.trials << " of " << sweep::trial_count(check.spec) << " trials, and " << check.edges
      << " at the edges of the space\n";
}

void print_cost(const sweep::SweepSpec& spec, const Shown& costs, std::ostream& out) {
  out << std::setprecision(3) << "cost estimate (LSTM forward + backward over the training windows):\n"
      << "  per epoch " << costs.low_flops / 1e9 << " to " << costs.high_flops / 1e9 << " GFLOP per trial\n";
  if (spec.method == sweep::Method::bayes) return;
  const double scale = static_cast<double>(sweep::trial_count(spec)) / static_cast<double>(costs.costed);
  out << "  whole sweep at most " << costs.sweep_flops * scale / 1e12 << " TFLOP (every trial to its last epoch"
      << (scale > 1 ? "; scaled from the first " + std::to_string(costs.costed) + " trials)\n" : ")\n");
}

int validate(const ValidateArguments& args) {
  Shown shown;
  const dist::SweepCheck check = dist::check_sweep(dist::load_sweep_file(args.sweep_file),
                                                   [&](const dist::CheckedTrial& trial) { take(shown, trial, args.show); });
  for (const std::string& warning : check.spec.warnings) std::cerr << "vmsweep: warning: " << warning << "\n";
  print_summary(check.spec, std::cout);
  print_traces(check.spec, std::cout);
  print_readings(check.spec, std::cout);
  print_data(check, std::cout);
  print_trials(check, shown, std::cout);
  if (shown.costed > 0) print_cost(check.spec, shown, std::cout);
  std::cout << "ok: " << check.spec.path.string() << " is a valid sweep\n";
  return exit_ok;
}

}  // namespace

void add_validate_commands(CLI::App& app, CommandStatus& status) {
  auto args = std::make_shared<ValidateArguments>();
  auto* validate_cmd = app.add_subcommand("validate", validate_description);
  validate_cmd->add_option("sweep", args->sweep_file, "The sweep file (YAML)")->required();
  validate_cmd->add_option("--show", args->show, "How many of the first trials to print")
      ->check(non_negative_number())
      ->capture_default_str();
  validate_cmd->callback([args, &status] { status.exit_code = validate(*args); });
}

}  // namespace vmsweep::cli
