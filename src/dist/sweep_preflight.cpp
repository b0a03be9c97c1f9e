#include "sweep_preflight.hpp"

#include <algorithm>
#include <set>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/pause_point.hpp"
#include "vmsweep/common/version.hpp"
#include "vmsweep/dist/sweep_check.hpp"
#include "vmsweep/io/leftovers.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::dist {

namespace {

io::SweepMeta describe(const sweep::SweepSpec& spec) {
  io::SweepMeta meta;
  meta.name = spec.display_name;
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

void refuse_shard_of_bayes(const RunOptions& options, const sweep::SweepSpec& spec) {
  if (options.shard && spec.method == sweep::Method::bayes && !spec.searches_per_trace())
    throw InputError(options.sweep_file.string() + ": --shard needs a grid or random sweep, or a fleet (bayes has no fixed list)");
}

void refuse_changed_sweep(const RunOptions& options, const io::ResultsLayout& layout, const io::SweepMeta& meta) {
  auto stored = io::stored_sweep_hash(layout);
  if (!stored || *stored == meta.sweep_hash || options.force_resume) return;
  throw InputError(options.sweep_file.string() + ": " + layout.sweep_dir().string() +
                   " holds results of a different version of this sweep file (stored " + *stored + ", now " +
                   meta.sweep_hash + "). To start a new sweep, give it another `name:` (or move the folder "
                   "away); to continue with the changed file anyway, rerun with --force-resume.");
}

io::SweepLock lock_for(const RunOptions& options, const io::ResultsLayout& layout) {
  if (options.shard) return io::SweepLock::shard(layout, options.shard->index, options.shard->count);
  return io::SweepLock::whole(layout);
}

// The stamp is written once, and replaced whole only when a forced resume changed the sweep file.
void stamp(const io::ResultsLayout& layout, io::SweepMeta& meta) {
  std::optional<io::SweepMeta> earlier = io::read_sweep_stamp(layout);
  if (earlier) meta.started = earlier->started;
  if (!earlier || earlier->sweep_hash != meta.sweep_hash) io::write_sweep_stamp(layout, meta);
}

// A whole run is the only writer of the folder; a shard only of its own trials.
void remove_leftovers(const RunOptions& options, const io::ResultsLayout& layout, const sweep::SweepSpec& spec) {
  if (!options.shard) {
    io::remove_leftovers(layout);
    return;
  }
  Shard shard = *options.shard;
  shard.traces = std::max<std::int64_t>(1, std::ssize(spec.traces));
  io::TrialStore(layout.trials_dir()).remove_temporaries([shard](const std::string& id) {
    return io::is_trial_id(id) && shard.owns(std::stoll(id));
  });
}

// What the sweep plans for the trials an earlier run finished, to match them by parameters. grid and
// random trials are a pure function of the file and their index: the sampler is walked up to the
// last finished one (no data is prepared). bayes proposes as it learns, so it plans nothing ahead.
PlannedParams planned_for_finished(const sweep::SweepSpec& spec, const io::TrialStore& store) {
  PlannedParams planned;
  if (spec.method == sweep::Method::bayes) return planned;
  std::set<std::int64_t> finished;
  for (const std::string& id : store.list()) finished.insert(std::stoll(id));
  if (finished.empty()) return planned;
  const std::unique_ptr<sweep::Sampler> sampler = sweep::make_sampler(spec);
  for (auto trial = sampler->next(); trial && trial->id <= *finished.rbegin(); trial = sampler->next())
    if (finished.contains(trial->id)) planned.emplace(trial->id, std::move(trial->params));
  return planned;
}

}  // namespace

PreparedSweep prepare_sweep(const RunOptions& options, InterruptWatch& interrupt, int ranks, const std::string& host) {
  sweep::SweepSpec spec = load_sweep_file(options.sweep_file);
  io::ResultsLayout layout(options.results_root / spec.name);
  io::TrialStore store(layout.trials_dir());
  SweepCheck check = check_sweep(std::move(spec));
  refuse_shard_of_bayes(options, check.spec);  // a fleet's traces are known once the bad ones are skipped
  pause_point("preflight_checked");
  interrupt.stop_cleanly();

  store.prepare();
  io::SweepLock lock = lock_for(options, layout);
  io::SweepMeta meta = describe(check.spec);
  meta.ranks = ranks;
  meta.hosts = {host};
  for (const sweep::SkippedTrace& skipped : check.spec.skipped) meta.skipped_traces.push_back(skipped.id + ": " + skipped.reason);
  refuse_changed_sweep(options, layout, meta);
  ResumeState resume = read_resume_state(check.spec, store, planned_for_finished(check.spec, store));  // may refuse: before writing
  stamp(layout, meta);
  remove_leftovers(options, layout, check.spec);

  std::vector<std::string> warnings = check.spec.warnings;
  if (!lock.warning().empty()) warnings.push_back(lock.warning());
  warnings.insert(warnings.end(), resume.problems.begin(), resume.problems.end());
  CostBasis cost{std::move(check.data), std::move(check.extreme_models), check.checked_work, check.trials};
  return {std::move(check.spec), std::move(layout), std::move(lock), std::move(meta), std::move(resume), std::move(warnings),
          std::move(cost)};
}

}  // namespace vmsweep::dist
