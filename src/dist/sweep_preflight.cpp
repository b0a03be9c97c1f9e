#include "sweep_preflight.hpp"

#include <charconv>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/version.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/trial_store.hpp"
#include "vmsweep/train/parameters.hpp"

namespace vmsweep::dist {

namespace {

io::SweepMeta describe(const sweep::SweepSpec& spec) {
  io::SweepMeta meta;
  meta.name = spec.name;
  meta.method = std::string(sweep::method_name(spec.method));
  meta.metric = spec.metric.name;
  meta.metric_goal = spec.metric.maximize ? "maximize" : "minimize";
  meta.sweep_text = spec.text;
  meta.sweep_hash = io::sweep_hash(spec.text);
  meta.seed = spec.seed;
  meta.vmsweep_version = version_string;
  meta.started = std::chrono::system_clock::now();
  return meta;
}

void refuse_changed_sweep(const RunOptions& options, const io::ResultsLayout& layout, const io::SweepMeta& meta) {
  auto stored = io::stored_sweep_hash(layout);
  if (!stored || *stored == meta.sweep_hash || options.force_resume) return;
  throw InputError(options.sweep_file.string() + ": " + layout.sweep_dir().string() +
                   " holds results of a different version of this sweep file (stored " + *stored + ", now " +
                   meta.sweep_hash + "). To start a new sweep, give it another `name:` (or move the folder "
                   "away); to continue with the changed file anyway, rerun with --force-resume.");
}

std::optional<std::int64_t> numeric_id(const std::string& id) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), value);
  if (error != std::errc{} || end != id.data() + id.size()) return std::nullopt;
  return value;
}

struct Resumed {
  FinishedTrials finished;
  EarlierEpochs epochs;
};

void take_curve(std::int64_t id, const TrialResult& result, EarlierEpochs& epochs) {
  for (const EpochRecord& record : result.curve) epochs.push_back({id, record.epoch, record.val_loss});
}

// Trial files are read only where something learns from them (bayes' objectives, metric.target's
// configurations, early_terminate's band values): reading every file of a large grid just to skip
// it would slow the resume down.
Resumed finished_trials(const sweep::SweepSpec& spec, const io::TrialStore& store) {
  const bool learns = spec.method == sweep::Method::bayes || spec.metric.target.has_value();
  const bool prunes = spec.early_terminate.has_value();
  Resumed resumed;
  for (const std::string& id : store.list()) {
    auto number = numeric_id(id);
    if (!number) continue;
    std::optional<double> objective;
    if (learns || prunes) {
      // Neither needs the predictions, the largest part of a trial file.
      TrialResult result = (prunes ? store.read_with_curves(id) : store.read_summary(id)).result;
      if (learns) objective = search_objective(result.status, result.metric(spec.metric.name));
      if (prunes) take_curve(*number, result, resumed.epochs);
    }
    resumed.finished.emplace(*number, objective);
  }
  return resumed;
}

}  // namespace

PreparedSweep prepare_sweep(const RunOptions& options, int ranks, const std::string& host) {
  sweep::SweepSpec spec = sweep::SweepSpec::load(options.sweep_file, train::all_knobs());
  io::ResultsLayout layout(options.results_root / spec.name);
  io::SweepMeta meta = describe(spec);
  meta.ranks = ranks;
  meta.hosts = {host};
  refuse_changed_sweep(options, layout, meta);
  if (auto earlier = io::read_sweep_stamp(layout)) meta.started = earlier->started;
  io::write_sweep_stamp(layout, meta);
  io::TrialStore store(layout.trials_dir());
  store.prepare();
  // Shards of one sweep run at the same time (a job array): another shard may be writing now.
  if (!options.shard) store.remove_temporaries();
  Resumed resumed = finished_trials(spec, store);
  return {std::move(spec), std::move(layout), std::move(meta), std::move(resumed.finished), std::move(resumed.epochs)};
}

}  // namespace vmsweep::dist
