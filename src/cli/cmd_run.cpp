// `vmsweep run SWEEP.yaml` (also `vmsweep SWEEP.yaml`) and `vmsweep aggregate results/<name>`.
#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "vmsweep/dist/aggregate_sweep.hpp"
#include "number_checks.hpp"
#include "vmsweep/dist/run_sweep.hpp"
#include "vmsweep/io/results_layout.hpp"

namespace vmsweep::cli {

namespace {

constexpr const char* run_description =
    "Run a sweep (also: vmsweep SWEEP.yaml). Start it with mpirun for several ranks: rank 0 coordinates "
    "and trains, the others train. Rerunning the same command resumes: finished trials are kept.\n"
    "Exit codes: 0 every trial ok, 1 error, 2 bad input (nothing trained), 3 a trial failed or diverged, "
    "4 interrupted by SIGINT/SIGTERM (rerun to resume).";

struct RunArguments {
  dist::RunOptions options;
  std::string shard;
  std::string log_format = "text";
  std::string trial_records = "files";
  int threads = 0;
  int fake_trial_ms = 0;
  int data_cache_mb = -1;
  bool no_trial_files = false;
};

void add_run_options(CLI::App& run, RunArguments& args) {
  run.add_option("sweep", args.options.sweep_file, "The sweep file (YAML)")->required()->check(CLI::ExistingFile);
  run.add_option("--results", args.options.results_root, "Folder of all sweeps' results")->capture_default_str();
  run.add_option("--threads", args.threads,
                 "Threads per rank (default: SLURM_CPUS_PER_TASK, else the node's cores / ranks on the node, "
                 "fewer when its load average leaves fewer idle; never more than the rank's CPU affinity)")
      ->check(positive_number());
  run.add_flag("--force-resume", args.options.force_resume,
               "Resume even though the sweep file changed since the results folder was started");
  run.add_flag("-q,--quiet", args.options.quiet, "Print only the final summary");
  run.add_option("--log-format", args.log_format, "Progress as text lines or one JSON object per line")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  run.add_option("--status-every", args.options.status_every_seconds, "Seconds between status lines")
      ->check(positive_number())
      ->capture_default_str();
  run.add_option("--shard", args.shard,
                 "I/N: run only the trials whose id % N == I (grid and random; for Slurm job arrays; "
                 "aggregate afterwards with `vmsweep aggregate`)");
  run.add_option("--data-cache-mb", args.data_cache_mb,
                 "MiB of loaded traces each rank keeps for its next trials on them (default: VMSWEEP_DATA_CACHE_MB, "
                 "else 256; 0: every trial reads its trace again)")
      ->check(CLI::Range(0, 1 << 20));
  run.add_option("--trial-records", args.trial_records,
                 "How finished trials are kept in results/<name>/trials/: a file <id>.h5 each (readable with h5py "
                 "as soon as a trial ends), or logs: one append-only file per rank, for thousands of short trials "
                 "or a parallel file system (a file per trial costs its metadata server a create, a rename and "
                 "two syncs). Resume, report and aggregate read both")
      ->check(CLI::IsMember({"files", "logs"}))
      ->capture_default_str();
  run.add_option("--fake-trial-ms", args.fake_trial_ms, "Trials only sleep this long (measures the scheduler)")
      ->check(positive_number())
      ->group("Developer");
  run.add_flag("--no-trial-files", args.no_trial_files,
               "Write no trial files and no results file (measures the scheduler apart from HDF5; no resume)")
      ->group("Developer");
}

void run_sweep_command(RunArguments& args, CommandStatus& status) {
  dist::RunOptions& options = args.options;
  if (args.threads > 0) options.threads = args.threads;
  if (args.fake_trial_ms > 0) options.fake_trial_ms = args.fake_trial_ms;
  if (args.data_cache_mb >= 0) options.data_cache_mb = args.data_cache_mb;
  options.write_trials = !args.no_trial_files;
  options.trial_records = args.trial_records == "logs" ? dist::TrialRecords::logs : dist::TrialRecords::files;
  options.log_format = args.log_format == "json" ? dist::LogFormat::json : dist::LogFormat::text;
  if (!args.shard.empty()) {
    options.shard = dist::Shard::parse(args.shard);
    options.aggregate = false;  // the other shards are still running
  }
  status.exit_code = dist::run_sweep(options);
}

void add_aggregate_command(CLI::App& app) {
  auto* aggregate = app.add_subcommand(
      "aggregate", "Write results/<name>.h5 again from results/<name>/ (its stamp and trial files), e.g. after "
                   "a crash or after the shards of a job array");
  auto folder = std::make_shared<std::string>();
  aggregate->add_option("folder", *folder, "The sweep's results folder, results/<name>")
      ->required()
      ->check(CLI::ExistingDirectory);
  aggregate->callback([folder] {
    io::ResultsLayout layout(*folder);
    const dist::AggregateReport report = dist::aggregate_folder(layout);
    for (const std::string& problem : report.problems) std::cerr << "vmsweep: warning: " << problem << "\n";
    std::cout << "wrote " << layout.results_file().string() << " (" << report.trials << " trials)\n";
  });
}

}  // namespace

void add_run_commands(CLI::App& app, CommandStatus& status) {
  auto* run = app.add_subcommand("run", run_description);
  auto args = std::make_shared<RunArguments>();
  add_run_options(*run, *args);
  run->callback([args, &status] { run_sweep_command(*args, status); });
  add_aggregate_command(app);
}

std::vector<std::string> arguments_with_implicit_run(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  auto is_sweep_file = [](const std::string& word) {
    return word.ends_with(".yaml") || word.ends_with(".yml");
  };
  if (!arguments.empty() && is_sweep_file(arguments.front())) arguments.insert(arguments.begin(), "run");
  std::reverse(arguments.begin(), arguments.end());  // CLI11 takes its argument vector back to front
  return arguments;
}

}  // namespace vmsweep::cli
