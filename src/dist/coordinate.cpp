#include "coordinate.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

#include "coordinator.hpp"
#include "local_worker.hpp"
#include "vmsweep/common/duration_text.hpp"
#include "vmsweep/dist/aggregate_sweep.hpp"
#include "vmsweep/train/calibrate.hpp"
#include "vmsweep/train/global_trial.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::dist {

namespace {

std::vector<std::string> swept_names(const sweep::SweepSpec& spec) {
  std::vector<std::string> names;
  for (const auto& parameter : spec.parameters)
    if (parameter.distribution != sweep::Distribution::constant) names.push_back(parameter.name);
  return names;
}

ProgressSetup progress_setup(const RunOptions& options, const PreparedSweep& prepared, const TrialQueue& queue) {
  ProgressSetup setup;
  setup.out = &std::cout;
  setup.format = options.log_format;
  setup.quiet = options.quiet;
  setup.status_every_seconds = options.status_every_seconds;
  setup.total = queue.total();
  setup.already_done = queue.total() - queue.pending_count();
  setup.metric = prepared.spec.metric;
  setup.swept = swept_names(prepared.spec);
  return setup;
}

// The cost model calibrated on this rank's thread budget (validate's, train/calibrate.hpp); none for
// fake trials, whose time is not the model's.
std::optional<train::Calibration> calibration_for(const RunOptions& options, const PreparedSweep& prepared,
                                                  const TrialExecutor& executor) {
  if (options.fake_trial_ms || prepared.cost.extreme_models.empty()) return std::nullopt;
  return train::calibrate(prepared.cost.extreme_models, executor.threads(), train::kCalibrationSecondsEach);
}

void add_estimate(ProgressSetup& setup, const PreparedSweep& prepared, const train::Calibration& calibration, int workers,
                  std::int64_t pending) {
  const CostBasis& cost = prepared.cost;
  // A global trial's time is the sum over its traces' windows.
  setup.estimate = [&cost, calibration](const Value& params) {
    TrialEstimate estimate{0.0, 0};
    for (const Value& one_trace : train::is_global_trial(params) ? train::per_trace_params(params) : std::vector{params}) {
      const train::TrainSettings settings = train::settings_from_params(one_trace);
      estimate.seconds += train::trial_seconds(settings, epoch_windows(cost.shapes, settings), calibration);
      estimate.epochs = settings.epochs;
    }
    return estimate;
  };
  const double mean = train::seconds_of(cost.checked_work, calibration) / static_cast<double>(std::max<std::int64_t>(1, cost.checked_trials));
  setup.unstarted_seconds = mean * static_cast<double>(pending);
  setup.workers = workers;
}

std::string estimate_line(const ProgressSetup& setup, const train::Calibration& calibration) {
  std::ostringstream line;
  line << std::setprecision(3) << "estimate: at most " << format_duration(setup.unstarted_seconds / setup.workers)
       << " (every trial to its last epoch; this machine: " << calibration.seconds_per_batch * 1e3 << " ms per batch + "
       << calibration.flops_per_second / 1e9 << " GFLOP/s on " << calibration.threads << " thread(s))";
  return line.str();
}

std::string opening_line(const Communicator& world, const PreparedSweep& prepared, const TrialQueue& queue,
                         const TrialExecutor& executor) {
  const std::string traces =
      prepared.spec.is_fleet() ? " over " + std::to_string(prepared.spec.traces.size()) + " traces" : std::string();
  return "sweep " + prepared.spec.display_name + ": " + std::to_string(queue.total()) + " trials" + traces + ", " +
         std::to_string(queue.total() - queue.pending_count()) + " already finished, " +
         std::to_string(world.size()) + " ranks x " + std::to_string(executor.threads()) + " threads (rank 0: " +
         executor.threads_reason() + ")";
}

void warn(const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) std::cerr << "vmsweep: warning: " << warning << "\n";
}

SweepTally run_coordinator(const Communicator& world, const PreparedSweep& prepared, TrialQueue& queue,
                           Progress& progress, TrialExecutor& executor, const InterruptWatch& interrupt) {
  LocalWorker local(executor, interrupt);
  WorkerPool pool(world, local.to_worker(), local.from_worker());
  SweepTally tally = Coordinator(pool, queue, progress, interrupt, prepared.spec, prepared.resume.epochs).run();
  local.join();
  return tally;
}

void aggregate(PreparedSweep& prepared, Progress& progress) {
  prepared.meta.finished = std::chrono::system_clock::now();
  const AggregateReport report = aggregate_sweep(prepared.layout, prepared.meta);
  warn(report.problems);
  progress.note("wrote " + prepared.layout.results_file().string() + " (" + std::to_string(report.trials) + " trials)");
}

int exit_code_of(const SweepTally& tally) {
  if (tally.interrupted) return exit_interrupted;
  return tally.failed > 0 ? exit_trials_failed : exit_ok;
}

}  // namespace

RankResult coordinate(const Communicator& world, const RunOptions& options, PreparedSweep& prepared,
                      TrialExecutor& executor, const InterruptWatch& interrupt) {
  warn(prepared.warnings);
  TrialQueue queue(prepared.spec, prepared.resume.finished, options.shard);
  ProgressSetup setup = progress_setup(options, prepared, queue);
  const std::optional<train::Calibration> calibration = calibration_for(options, prepared, executor);
  if (calibration) add_estimate(setup, prepared, *calibration, world.size(), queue.pending_count());
  Progress progress(setup);
  progress.note(opening_line(world, prepared, queue, executor));
  for (const sweep::SkippedTrace& skipped : prepared.spec.skipped)
    progress.note("skipped trace " + skipped.id + " (data.skip_bad): " + skipped.reason);
  if (calibration) progress.note(estimate_line(setup, *calibration));
  const SweepTally tally = run_coordinator(world, prepared, queue, progress, executor, interrupt);
  progress.summary();
  if (auto reason = queue.stop_reason()) progress.note("stopped: " + *reason);
  if (tally.failure)
    return {exit_failure, std::make_exception_ptr(Error(*tally.failure + " (the finished trials are kept; rerun the "
                                                                         "same command to resume once it is fixed)"))};
  if (tally.interrupted) {
    progress.note("interrupted: rerun the same command to resume");
    return {exit_interrupted, nullptr};
  }
  try {
    if (options.aggregate && options.write_trials) aggregate(prepared, progress);
  } catch (...) {
    return {exit_failure, std::current_exception()};
  }
  return {exit_code_of(tally), nullptr};
}

}  // namespace vmsweep::dist
