// `vmsweep validate SWEEP.yaml`: everything a sweep checks before training (dist::check_sweep, the
// preflight `vmsweep run` does too), and what it would run, without training: the file, the data
// with each distinct data setting, every trial's settings, and a rough cost.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/dist/sweep_check.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/trial_cost.hpp"

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

struct Costs {
  std::vector<double> flops;  // per epoch, by trial
  double sweep_flops = 0;     // every trial to its last epoch (early stopping makes it less)
};

Costs costs_of(const dist::SweepCheck& check) {
  Costs costs;
  for (const dist::CheckedTrial& trial : check.trials) {
    const dist::DataShape& data = check.data.at(trial.data_key);
    const double flops = train::flops_per_epoch(trial.settings, {data.train_windows, data.val_windows, data.input_channels});
    costs.flops.push_back(flops);
    costs.sweep_flops += flops * trial.settings.epochs;
  }
  return costs;
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

void print_data(const dist::SweepCheck& check, std::ostream& out) {
  out << "data: " << check.data.size() << " distinct setting(s) loaded\n";
  for (const auto& [key, data] : check.data)
    out << "  " << data.file << ": " << data.steps << " steps; windows train " << data.train_windows << ", val "
        << data.val_windows << ", test " << data.test_windows << "\n";
}

void print_trials(const dist::SweepCheck& check, int show, std::ostream& out) {
  out << (check.spec.method == sweep::Method::bayes ? "first proposals (random start-up):\n" : "first trials:\n");
  for (std::size_t i = 0; i < check.trials.size() && i < static_cast<std::size_t>(show); ++i) {
    const sweep::TrialSpec& trial = check.trials[i].trial;
    out << "  #" << trial.id;
    for (const sweep::ParameterSpec& parameter : check.spec.parameters)
      out << " " << parameter.name << "=" << trial.params.find(parameter.name)->to_string();
    out << " seed=" << trial.seed << "\n";
  }
}

void print_cost(const sweep::SweepSpec& spec, const Costs& costs, std::ostream& out) {
  const auto [low, high] = std::ranges::minmax(costs.flops);
  out << std::setprecision(3) << "cost estimate (LSTM forward + backward over the training windows):\n"
      << "  per epoch " << low / 1e9 << " to " << high / 1e9 << " GFLOP per trial\n";
  if (spec.method != sweep::Method::bayes)
    out << "  whole sweep at most " << costs.sweep_flops / 1e12 << " TFLOP (every trial to its last epoch)\n";
}

int validate(const ValidateArguments& args) {
  const dist::SweepCheck check = dist::check_sweep(args.sweep_file);
  for (const std::string& warning : check.spec.warnings) std::cerr << "vmsweep: warning: " << warning << "\n";
  const Costs costs = costs_of(check);
  print_summary(check.spec, std::cout);
  print_data(check, std::cout);
  print_trials(check, args.show, std::cout);
  if (!costs.flops.empty()) print_cost(check.spec, costs, std::cout);
  std::cout << "ok: " << check.spec.path.string() << " is a valid sweep\n";
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
