// `vmsweep validate SWEEP.yaml`: everything a sweep would check before training, and what it would
// run, without training: the file, the data with each distinct data setting, the settings of the
// first trials and of trials at the edges of the space (never the whole trial list).
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "space_text.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/sweep/preview.hpp"
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

// What the data looks like for one data setting and window shape.
struct DataCheck {
  std::size_t steps = 0;
  std::size_t train_windows = 0, val_windows = 0, test_windows = 0;
  std::string file;
  int input_channels = 1;  // 1 + the sub-steps of history_freq
};

// Validation never builds the trial list: it checks the first trials as `run` proposes them (for
// bayes, its random start-up draws) and the edges of the space (sweep/preview.hpp).
constexpr std::int64_t kCheckedTrials = 1000;

struct ToCheck {
  std::vector<sweep::PreviewTrial> first, edges;
};

ToCheck trials_to_check(const sweep::SweepSpec& spec) {
  const std::int64_t count = spec.method == sweep::Method::bayes ? std::max(spec.bayes.n_startup, 1) : kCheckedTrials;
  return {sweep::first_trials(spec, count), sweep::edge_trials(spec)};
}

DataCheck prepare_once(const train::TrainSettings& settings) {
  const data::WindowSpec windows{settings.look_back, settings.horizon, settings.data.stride};
  const data::PreparedData prepared = data::prepare(settings.data, windows);
  return {prepared.report().steps, prepared.range(data::Split::train).count, prepared.range(data::Split::val).count,
          prepared.range(data::Split::test).count, settings.data.path.string(), prepared.input_channels()};
}

std::string data_key(const train::TrainSettings& settings) {
  return settings.data_block.to_json() + " look_back " + std::to_string(settings.look_back) + " horizon " +
         std::to_string(settings.horizon);
}

struct Checked {
  std::vector<double> flops;  // per epoch, by trial of the sweep
  double sweep_flops = 0;     // those trials to their last epoch (early stopping makes it less)
  std::map<std::string, DataCheck> data;
};

// What a problem is reported against: "trial #3 look_back=126" or "edge check (look_back 126, its highest)".
std::string trial_label(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview) {
  if (!preview.probe.empty()) return "edge check (" + preview.probe + ")";
  std::string label = "trial #" + std::to_string(preview.trial.id);
  for (const sweep::ParameterSpec& parameter : spec.parameters)
    if (!parameter.is_discrete() || parameter.values.size() > 1)
      label += " " + parameter.name + "=" + preview.config.find(parameter.name)->to_string();
  return label;
}

// A problem that only some trials have (a look_back too long for the split) names the trial.
train::TrainSettings trial_settings(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview) {
  try {
    return train::settings_from_params(preview.trial.params);
  } catch (const InputError& e) {
    throw InputError(spec.path.string() + ": " + trial_label(spec, preview) + ": " + e.what());
  }
}

DataCheck trial_data(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview,
                     const train::TrainSettings& settings) {
  try {
    return prepare_once(settings);
  } catch (const InputError& e) {
    throw InputError(spec.path.string() + ": " + trial_label(spec, preview) + ": " + e.what());
  }
}

const DataCheck& checked_data(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview,
                              const train::TrainSettings& settings, Checked& checked) {
  const std::string key = data_key(settings);
  if (!checked.data.contains(key)) checked.data.emplace(key, trial_data(spec, preview, settings));
  return checked.data.at(key);
}

Checked check_trials(const sweep::SweepSpec& spec, const ToCheck& trials) {
  Checked checked;
  for (const sweep::PreviewTrial& preview : trials.first) {
    const train::TrainSettings settings = trial_settings(spec, preview);
    const DataCheck& data = checked_data(spec, preview, settings, checked);
    const double flops = train::flops_per_epoch(settings, {data.train_windows, data.val_windows, data.input_channels});
    checked.flops.push_back(flops);
    checked.sweep_flops += flops * settings.epochs;
  }
  for (const sweep::PreviewTrial& preview : trials.edges)
    checked_data(spec, preview, trial_settings(spec, preview), checked);
  return checked;
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

// Where vmsweep reads a (W&B) file otherwise than its letter: aliases, nesting, layer sizes.
void print_readings(const sweep::SweepSpec& spec, std::ostream& out) {
  if (spec.readings.empty()) return;
  out << "read as:\n";
  for (const std::string& reading : spec.readings) out << "  " << reading << "\n";
}

void print_data(const Checked& checked, std::ostream& out) {
  out << "data: " << checked.data.size() << " distinct setting(s) loaded\n";
  for (const auto& [key, data] : checked.data)
    out << "  " << data.file << ": " << data.steps << " steps; windows train " << data.train_windows << ", val "
        << data.val_windows << ", test " << data.test_windows << "\n";
}

void print_trials(const sweep::SweepSpec& spec, const ToCheck& trials, int show, std::ostream& out) {
  out << (spec.method == sweep::Method::bayes ? "first proposals (random start-up):\n" : "first trials:\n");
  for (std::size_t i = 0; i < trials.first.size() && i < static_cast<std::size_t>(show); ++i)
    out << "  " << trial_text(spec, trials.first[i]) << "\n";
  out << "checked: " << trials.first.size() << " of " << sweep::trial_count(spec) << " trials, and "
      << trials.edges.size() << " at the edges of the space\n";
}

void print_cost(const sweep::SweepSpec& spec, const Checked& checked, std::ostream& out) {
  const auto [low, high] = std::ranges::minmax(checked.flops);
  out << std::setprecision(3) << "cost estimate (LSTM forward + backward over the training windows):\n"
      << "  per epoch " << low / 1e9 << " to " << high / 1e9 << " GFLOP per trial\n";
  if (spec.method == sweep::Method::bayes) return;
  const double scale = static_cast<double>(sweep::trial_count(spec)) / static_cast<double>(checked.flops.size());
  out << "  whole sweep at most " << checked.sweep_flops * scale / 1e12 << " TFLOP (every trial to its last epoch"
      << (scale > 1 ? "; scaled from the first " + std::to_string(checked.flops.size()) + " trials)\n" : ")\n");
}

int validate(const ValidateArguments& args) {
  const sweep::SweepSpec spec = sweep::SweepSpec::load(args.sweep_file, train::all_knobs());
  for (const std::string& warning : spec.warnings) std::cerr << "vmsweep: warning: " << warning << "\n";
  const ToCheck trials = trials_to_check(spec);
  const Checked checked = check_trials(spec, trials);
  print_summary(spec, std::cout);
  print_readings(spec, std::cout);
  print_data(checked, std::cout);
  print_trials(spec, trials, args.show, std::cout);
  if (!checked.flops.empty()) print_cost(spec, checked, std::cout);
  std::cout << "ok: " << spec.path.string() << " is a valid sweep\n";
  return exit_ok;
}

}  // namespace

void add_validate_commands(CLI::App& app, CommandStatus& status) {
  auto args = std::make_shared<ValidateArguments>();
  auto* validate_cmd = app.add_subcommand("validate", validate_description);
  validate_cmd->add_option("sweep", args->sweep_file, "The sweep file (YAML)")->required();
  validate_cmd->add_option("--show", args->show, "How many of the first trials to print")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  validate_cmd->callback([args, &status] { status.exit_code = validate(*args); });
}

}  // namespace vmsweep::cli
