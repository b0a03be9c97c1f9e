// `vmsweep train`: one trial with the notebook's defaults, a line per epoch and the metrics table.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "assignments.hpp"
#include "number_checks.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/dist/thread_choice.hpp"
#include "vmsweep/io/checkpoint_file.hpp"
#include "vmsweep/sweep/yaml_value.hpp"
#include "vmsweep/train/run_trial.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/wait_policy.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* train_description =
    "Train one model: the notebook's setup unless --set says otherwise (look-back 14, LSTM [256, 128, 64], "
    "dropout 0.2, batch 32, Adam 1e-3, 100 epochs, patience 10, exp(-0.1) decay after epoch 50; data split "
    "70/10/20 with the scaler fitted on the training part). Prints a line per epoch and the metrics in the "
    "series' units. Parameter names are those of a sweep file (docs/parameters.md).\n"
    "Parameters come from CONFIG.yaml (parameter: value lines), then --data and --set.\n"
    "Example (the notebook's split): vmsweep train --data data/aa.txt --set resample=D --set scale_fit=all "
    "--set 'split={train: 440, val: test, test: 96}'\n"
    "Exit codes: 0 trained, 1 error, 2 bad input, 3 the trial failed or diverged.";

struct TrainArguments {
  std::string config;
  std::string data;
  std::vector<std::string> assignments;
  int threads = 0;  // 0: dist::choose_threads for one rank
  std::string save;
  bool quiet = false;
};

void add_train_options(CLI::App& train, TrainArguments& args) {
  train.add_option("config", args.config,
                   "CONFIG.yaml: parameter: value lines (trainer parameters and data-block fields, a relative "
                   "path read from the file's folder); --data and --set override it")
      ->check(CLI::ExistingFile);
  train.add_option("--data", args.data, "Trace file (same as --set path=FILE)")->check(CLI::ExistingFile);
  train.add_option("--set", args.assignments,
                   "KEY=VALUE, repeatable: a trainer parameter or data-block field, e.g. layers=[64,32], "
                   "learning_rate=0.01, resample=D, split={train: 0.8, val: 0.1, test: 0.1}")
      ->allow_extra_args(false);
  train.add_option("--threads", args.threads,
                   "Threads for the trial (OpenMP for oneDNN, TBB for the data); default: SLURM_CPUS_PER_TASK, "
                   "else the cores the node's load average leaves idle, at most the affinity mask")
      ->check(positive_number());
  train.add_option("--save", args.save, "Write the trained model (best weights, scaler, parameters) as HDF5");
  train.add_flag("-q,--quiet", args.quiet, "Print only the final metrics");
}

// The CONFIG.yaml file as a flat parameter map, each value marked with its line.
Value config_params(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  if (!file) throw InputError(path + ": cannot read the file");
  Value params = sweep::parse_yaml(text.str(), path);
  if (params.is_null()) return Value(Value::Map{});
  if (!params.is_map()) throw InputError(params.mark(), "expected parameter: value lines, got " + params.to_string());
  return params;
}

// Checked before training so that bad input is exit code 2 with nothing trained.
Value checked_params(const TrainArguments& args) {
  Value params = args.config.empty() ? Value(Value::Map{}) : config_params(args.config);
  Value assignments = parse_assignments(args.assignments);
  for (auto& [key, value] : assignments.as_map()) params.set(key, std::move(value));
  if (!args.data.empty()) params.set("path", Value(args.data).with_mark(SourceMark{"--data", 0, 0}));
  if (!params.find("path")) throw InputError("no trace given: use --data FILE (or --set path=FILE)");
  train::settings_from_params(params);
  return params;
}

bool print_epoch(const EpochRecord& record, int epochs) {
  std::printf("epoch %4d/%d  train %.6g  val %.6g  lr %.3e  %.2f s\n", record.epoch, epochs, record.train_loss,
              record.val_loss, record.learning_rate, record.seconds);
  std::fflush(stdout);
  return true;
}

void print_metrics(const TrialResult& result) {
  std::printf("%s after %d epochs (weights of epoch %d), %.2f s on %d threads\n", to_string(result.status),
              result.epochs_run, result.best_epoch, result.seconds, result.threads);
  if (const Value* folds = result.params.find("val_folds"); folds && folds->is_int() && folds->as_int("val_folds") > 1)
    std::printf("val is the mean over %lld validation folds (val_folds)\n", static_cast<long long>(folds->as_int("val_folds")));
  if (const Value* refit = result.params.find("refit"); refit && refit->is_bool() && refit->as_bool("refit"))
    std::printf("test scored by a model retrained on train + val for %d epochs (refit)\n", result.best_epoch);
  std::printf("%-6s %12s %12s %12s %12s %12s\n", "part", "mse", "rmse", "mae", "mape %", "smape %");
  for (const char* part : {"train", "val", "test"}) {
    if (!result.metric(std::string(part) + "_mse")) continue;
    std::printf("%-6s", part);
    for (const char* name : {"mse", "rmse", "mae", "mape", "smape"})
      std::printf(" %12.6g", *result.metric(std::string(part) + "_" + name));
    std::printf("\n");
  }
}

// What a one-rank run would choose, and why (printed, so a slow epoch on a busy machine is explained).
dist::ThreadChoice thread_choice(const TrainArguments& args) {
  dist::ThreadChoiceInputs inputs;
  if (args.threads > 0) inputs.requested = args.threads;
  inputs.slurm_cpus_per_task = dist::slurm_cpus_per_task();
  inputs.node_cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  inputs.affinity_cpus = dist::affinity_cpu_count();
  inputs.load_average = dist::load_average();
  return dist::choose_threads(inputs);
}

void run_train_command(const TrainArguments& args, CommandStatus& status) {
  const Value params = checked_params(args);
  const int epochs = train::settings_from_params(params).epochs;
  const dist::ThreadChoice threads = thread_choice(args);
  if (!args.quiet)
    std::printf("threads: %d (%s; %s)\n", threads.threads, threads.reason.c_str(), train::wait_policy_text().c_str());
  train::EpochCallback on_epoch;
  if (!args.quiet) on_epoch = [epochs](const EpochRecord& record) { return print_epoch(record, epochs); };
  const TrialResult trial = train::run_trial(params, threads.threads, on_epoch);
  if (trial.status == TrialStatus::failed || trial.status == TrialStatus::diverged) {
    std::cerr << "vmsweep: trial " << to_string(trial.status) << ": " << trial.reason << "\n";
    status.exit_code = 3;
    return;
  }
  print_metrics(trial);
  if (!args.save.empty() && trial.model) {
    io::write_checkpoint(args.save, *trial.model);
    std::printf("saved %s\n", args.save.c_str());
  }
}

}  // namespace

void add_train_commands(CLI::App& app, CommandStatus& status) {
  auto* train = app.add_subcommand("train", train_description);
  auto args = std::make_shared<TrainArguments>();
  add_train_options(*train, *args);
  train->callback([args, &status] { run_train_command(*args, status); });
}

}  // namespace vmsweep::cli
