// `vmsweep validate SWEEP.yaml`: everything a sweep would check before training, and what it would
// run, without training: the file, the data with each distinct data setting, every trial's settings.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "number_checks.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/knobs.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* validate_description =
    "Check a sweep file without training: parse it, load the data with each distinct data setting, read "
    "every trial's settings, then print the trial count, the parameter space, the first trials and a rough "
    "cost. Exit 0 when the sweep can run, 2 with the first problem (file:line:column: key: what was "
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

// The trials to check: the whole list for grid and random, the first proposals for bayes (its
// start-up trials are random draws, so they cover the space like random search's do).
std::vector<sweep::TrialSpec> trials_to_check(const sweep::SweepSpec& spec) {
  if (spec.method != sweep::Method::bayes) return sweep::trial_list(spec);
  std::vector<sweep::TrialSpec> trials;
  auto sampler = sweep::make_sampler(spec);
  while (trials.size() < static_cast<std::size_t>(std::max(spec.bayes.n_startup, 1)))
    if (auto trial = sampler->next()) trials.push_back(std::move(*trial));
    else break;
  return trials;
}

DataCheck prepare_once(const train::TrainSettings& settings) {
  const data::DataSpec data_spec = data::DataSpec::from_value(settings.data_block);
  const data::WindowSpec windows{settings.look_back, settings.horizon, data_spec.stride};
  const data::PreparedData prepared = data::prepare(data_spec, windows);
  return {prepared.report().steps, prepared.range(data::Split::train).count, prepared.range(data::Split::val).count,
          prepared.range(data::Split::test).count, data_spec.path.string(), prepared.input_channels()};
}

// Forward and backward of the LSTM stack over the training windows, plus the validation forward:
// 4 gates x hidden x (input + hidden) multiply-adds per step and layer, 2 FLOPs each, backward
// about twice the forward. The dense head and data preparation are small beside it.
double flops_per_epoch(const train::TrainSettings& settings, const DataCheck& data) {
  double step = 0.0, inputs = data.input_channels;
  for (int hidden : settings.layers) {
    step += 4.0 * hidden * (inputs + hidden) * 2.0;
    inputs = hidden;
  }
  const double sequence = step * settings.look_back;
  return sequence * (3.0 * static_cast<double>(data.train_windows) + static_cast<double>(data.val_windows));
}

std::string data_key(const train::TrainSettings& settings) {
  return settings.data_block.to_json() + " look_back " + std::to_string(settings.look_back) + " horizon " +
         std::to_string(settings.horizon);
}

struct Checked {
  std::vector<double> flops;  // per epoch, by trial
  double sweep_flops = 0;     // every trial to its last epoch (early stopping makes it less)
  std::map<std::string, DataCheck> data;
};

// A problem that only some trials have (a look_back too long for the split) names the trial.
train::TrainSettings trial_settings(const sweep::SweepSpec& spec, const sweep::TrialSpec& trial) {
  try {
    return train::settings_from_params(trial.params);
  } catch (const InputError& e) {
    throw InputError(spec.path.string() + ": trial #" + std::to_string(trial.id) + ": " + e.what());
  }
}

DataCheck trial_data(const sweep::SweepSpec& spec, const sweep::TrialSpec& trial, const train::TrainSettings& settings) {
  try {
    return prepare_once(settings);
  } catch (const InputError& e) {
    std::string swept;
    for (const sweep::ParameterSpec& parameter : spec.parameters)
      if (!parameter.is_discrete() || parameter.values.size() > 1)
        swept += " " + parameter.name + "=" + trial.params.find(parameter.name)->to_string();
    throw InputError(spec.path.string() + ": trial #" + std::to_string(trial.id) + swept + ": " + e.what());
  }
}

Checked check_trials(const sweep::SweepSpec& spec, const std::vector<sweep::TrialSpec>& trials) {
  Checked checked;
  for (const sweep::TrialSpec& trial : trials) {
    const train::TrainSettings settings = trial_settings(spec, trial);
    const std::string key = data_key(settings);
    if (!checked.data.contains(key)) checked.data.emplace(key, trial_data(spec, trial, settings));
    const double flops = flops_per_epoch(settings, checked.data.at(key));
    checked.flops.push_back(flops);
    checked.sweep_flops += flops * settings.epochs;
  }
  return checked;
}

std::string parameter_text(const sweep::ParameterSpec& parameter) {
  using sweep::Distribution;
  std::ostringstream out;
  out << sweep::distribution_name(parameter.distribution);
  if (parameter.is_discrete()) out << " " << Value(parameter.values).to_string();
  else if (parameter.distribution == Distribution::normal || parameter.distribution == Distribution::log_normal ||
           parameter.distribution == Distribution::q_normal)
    out << " mu " << parameter.mu << ", sigma " << parameter.sigma;
  else out << " [" << parameter.min << ", " << parameter.max << "]";
  if (parameter.distribution == Distribution::q_uniform || parameter.distribution == Distribution::q_normal ||
      parameter.distribution == Distribution::q_log_uniform_values)
    out << ", q " << parameter.q;
  return out.str();
}

void print_summary(const sweep::SweepSpec& spec, std::ostream& out) {
  out << "sweep " << spec.name << " (" << spec.path.string() << ", sha256 " << spec.hash.substr(0, 12) << ")\n"
      << "  method " << sweep::method_name(spec.method) << ", metric " << spec.metric.name << " (minimize"
      << (spec.metric.target ? ", target " + Value(*spec.metric.target).to_string() : std::string()) << "), seed "
      << spec.seed << ", repeats " << spec.repeats << "\n"
      << "  trials: " << sweep::trial_count(spec)
      << (spec.run_cap ? " (run_cap " + std::to_string(*spec.run_cap) + ")" : std::string()) << "\n";
  if (spec.early_terminate) {
    const sweep::EarlyTerminate& rule = *spec.early_terminate;
    out << "  early_terminate: " << rule.type << (rule.min_iter ? ", min_iter " + std::to_string(*rule.min_iter) : "")
        << (rule.max_iter ? ", max_iter " + std::to_string(*rule.max_iter) : "") << ", eta " << rule.eta << "\n";
  }
  out << "parameter space:\n";
  for (const sweep::ParameterSpec& parameter : spec.parameters)
    out << "  " << std::left << std::setw(16) << parameter.name << parameter_text(parameter) << "\n";
}

void print_data(const Checked& checked, std::ostream& out) {
  out << "data: " << checked.data.size() << " distinct setting(s) loaded\n";
  for (const auto& [key, data] : checked.data)
    out << "  " << data.file << ": " << data.steps << " steps; windows train " << data.train_windows << ", val "
        << data.val_windows << ", test " << data.test_windows << "\n";
}

void print_trials(const sweep::SweepSpec& spec, const std::vector<sweep::TrialSpec>& trials, int show,
                  std::ostream& out) {
  out << (spec.method == sweep::Method::bayes ? "first proposals (random start-up):\n" : "first trials:\n");
  for (std::size_t i = 0; i < trials.size() && i < static_cast<std::size_t>(show); ++i) {
    out << "  #" << trials[i].id;
    for (const sweep::ParameterSpec& parameter : spec.parameters)
      out << " " << parameter.name << "=" << trials[i].params.find(parameter.name)->to_string();
    out << " seed=" << trials[i].seed << "\n";
  }
}

void print_cost(const sweep::SweepSpec& spec, const Checked& checked, std::ostream& out) {
  const auto [low, high] = std::ranges::minmax(checked.flops);
  out << std::setprecision(3) << "cost estimate (LSTM forward + backward over the training windows):\n"
      << "  per epoch " << low / 1e9 << " to " << high / 1e9 << " GFLOP per trial\n";
  if (spec.method != sweep::Method::bayes)
    out << "  whole sweep at most " << checked.sweep_flops / 1e12 << " TFLOP (every trial to its last epoch)\n";
}

int validate(const ValidateArguments& args) {
  const sweep::SweepSpec spec = sweep::SweepSpec::load(args.sweep_file, train::all_knobs());
  for (const std::string& warning : spec.warnings) std::cerr << "vmsweep: warning: " << warning << "\n";
  const std::vector<sweep::TrialSpec> trials = trials_to_check(spec);
  const Checked checked = check_trials(spec, trials);
  print_summary(spec, std::cout);
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
      ->check(non_negative_number())
      ->capture_default_str();
  validate_cmd->callback([args, &status] { status.exit_code = validate(*args); });
}

}  // namespace vmsweep::cli
