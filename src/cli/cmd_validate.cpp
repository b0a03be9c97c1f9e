// `vmsweep validate SWEEP.yaml`: everything a sweep checks before training (dist::check_sweep, the
// preflight `vmsweep run` does too), and what it would run, without training: the file, the data
// with each distinct data setting, the settings of the first trials and of trials at the edges of
// the space (never the whole trial list), and a rough cost in FLOPs and in seconds (train/trial_cost.hpp,
// calibrated here by train/calibrate.hpp).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include "commands.hpp"
#include "space_text.hpp"
#include "number_checks.hpp"
#include "vmsweep/common/duration_text.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/dist/sweep_check.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/calibrate.hpp"
#include "vmsweep/train/parameters.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/trial_cost.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* validate_description =
    "Check a sweep file without training: parse it, load the data with each distinct data setting, read "
    "the settings of the first trials and of trials at the edges of the space, then print the trial count, "
    "the parameter space, how a W&B file was read, the first trials and a rough cost: in FLOPs, and in "
    "seconds from training steps of the sweep's smallest and largest model timed on this machine (under 2 s). Exit 0 when the sweep can run, 2 with the first problem (file:line:column: key: what was "
    "expected).";

struct ValidateArguments {
  std::string sweep_file;
  int show = 5;
  int ranks = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int threads = 1;
};

// What validate shows of the checked trials: the first few, and what they cost to their last epoch
// (early stopping makes it less).
struct Shown {
  std::vector<sweep::PreviewTrial> first;
  std::vector<std::pair<train::TrainSettings, train::EpochWindows>> costed;
};

void take(Shown& shown, const dist::CheckedTrial& checked, int show) {
  const dist::DataShape& data = checked.data;
  shown.costed.emplace_back(checked.settings, train::EpochWindows{data.train_windows, data.val_windows, data.input_channels});
  // A global trial is checked on each of its traces: it is listed once.
  const bool listed = std::any_of(shown.first.begin(), shown.first.end(),
                                  [&](const sweep::PreviewTrial& p) { return p.trial.id == checked.preview.trial.id; });
  if (!listed && shown.first.size() < static_cast<std::size_t>(show)) shown.first.push_back(checked.preview);
}

const char* per_trial(const sweep::SweepSpec& spec) { return spec.is_global() ? " per trial and trace" : " per trial"; }

// The trials the costed ones stand for: a global trial was costed once per trace.
double costed_trials(const sweep::SweepSpec& spec, const Shown& shown) {
  const std::size_t per_trial = spec.is_global() ? spec.traces.size() : 1;
  return static_cast<double>(shown.costed.size()) / static_cast<double>(per_trial);
}

// Per epoch (lowest, highest) and every epoch of every costed trial, by `cost`.
struct CostRange {
  double low = 0, high = 0, total = 0, longest_trial = 0;
};

template <typename PerEpoch>
CostRange cost_range(const Shown& shown, PerEpoch per_epoch) {
  CostRange range{per_epoch(shown.costed.front().first, shown.costed.front().second), 0, 0, 0};
  for (const auto& [settings, windows] : shown.costed) {
    const double epoch = per_epoch(settings, windows);
    range.low = std::min(range.low, epoch);
    range.high = std::max(range.high, epoch);
    range.total += epoch * settings.epochs;
    range.longest_trial = std::max(range.longest_trial, epoch * settings.epochs);
  }
  return range;
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
  if (spec.is_global())
    out << "traces: " << spec.traces.size() << " (fleet: global, every trial one model trained on all of them)\n";
  else
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

// How the checked trials stand for the whole sweep: all of it, the first N of a grid or random
// sweep, or a bayes sweep's random start-up (its proposals then move to where the metric is good).
std::string scaled_from(const sweep::SweepSpec& spec, double costed_count) {
  const auto costed = static_cast<std::int64_t>(costed_count);
  if (spec.method == sweep::Method::bayes)
    return "; if TPE's proposals cost what its " + std::to_string(costed) + " random start-up trials do";
  if (costed < sweep::trial_count(spec)) return "; scaled from the first " + std::to_string(costed) + " trials";
  return "";
}

void print_flops(const sweep::SweepSpec& spec, const Shown& shown, std::ostream& out) {
  const CostRange flops = cost_range(shown, train::flops_per_epoch);
  const double scale = static_cast<double>(sweep::trial_count(spec)) / costed_trials(spec, shown);
  out << std::setprecision(3) << "cost estimate (LSTM forward + backward over the training windows):\n"
      << "  per epoch " << flops.low / 1e9 << " to " << flops.high / 1e9 << " GFLOP" << per_trial(spec) << "\n"
      << "  whole sweep at most " << flops.total * scale / 1e12 << " TFLOP (every trial to its last epoch"
      << scaled_from(spec, costed_trials(spec, shown)) << ")\n";
}

void print_seconds(const dist::SweepCheck& check, const Shown& shown, const ValidateArguments& args, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const train::Calibration calibration = train::calibrate(check.extreme_models, args.threads, train::kCalibrationSecondsEach);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const CostRange seconds = cost_range(shown, [&](const train::TrainSettings& settings, const train::EpochWindows& windows) {
    return train::seconds_per_epoch(settings, windows, calibration);
  });
  const double training = seconds.total * static_cast<double>(sweep::trial_count(check.spec)) / costed_trials(check.spec, shown);
  const std::string layout = std::to_string(args.ranks) + (args.ranks == 1 ? " rank x " : " ranks x ") +
                             std::to_string(args.threads) + (args.threads == 1 ? " thread" : " threads");
  out << std::setprecision(3) << "  this machine, timed in " << format_duration(took) << " on " << args.threads
      << (args.threads == 1 ? " thread" : " threads") << ": " << calibration.seconds_per_batch * 1e3 << " ms per batch + "
      << calibration.flops_per_second / 1e9 << " GFLOP/s (" << check.extreme_models.size()
      << (check.extreme_models.size() == 1 ? " model timed)\n" : " models timed)\n")
      << "  per epoch " << seconds.low << " to " << seconds.high << " s" << per_trial(check.spec) << "\n"
      << "  whole sweep at most " << format_duration(std::max(training / args.ranks, seconds.longest_trial)) << " on "
      << layout << " (" << format_duration(training) << " of training, every trial to its last epoch"
      << scaled_from(check.spec, costed_trials(check.spec, shown)) << ")\n";
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
  if (!shown.costed.empty()) {
    print_flops(check.spec, shown, std::cout);
    print_seconds(check, shown, args, std::cout);
  }
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
  validate_cmd->add_option("--ranks", args->ranks, "Ranks the time estimate assumes (default: one per core)")
      ->check(positive_number());
  validate_cmd->add_option("--threads", args->threads, "Threads per rank the time estimate assumes and times with")
      ->check(positive_number())
      ->capture_default_str();
  validate_cmd->callback([args, &status] { status.exit_code = validate(*args); });
}

}  // namespace vmsweep::cli
