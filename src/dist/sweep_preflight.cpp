#include "sweep_preflight.hpp"

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

void refuse_shard_of_bayes(const RunOptions& options, const sweep::SweepSpec& spec) {
  if (options.shard && spec.method == sweep::Method::bayes)
    throw InputError(options.sweep_file.string() + ": --shard needs a grid or random sweep (bayes has no fixed list)");
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
void remove_leftovers(const RunOptions& options, const io::ResultsLayout& layout) {
  if (!options.shard) {
    io::remove_leftovers(layout);
    return;
  }
  const Shard shard = *options.shard;
  io::TrialStore(layout.trials_dir()).remove_temporaries([shard](const std::string& id) {
    return io::is_trial_id(id) && shard.owns(std::stoll(id));
  });
}

// Keeps, while the preflight checks every trial, the parameters of those an earlier run finished.
CheckedTrialVisitor keeping_finished(const io::TrialStore& store, PlannedParams& planned) {
  std::vector<std::string> listed = store.list();
  return [finished = std::set<std::string>(listed.begin(), listed.end()), &planned](const CheckedTrial& checked) {
    if (finished.contains(std::to_string(checked.trial.id))) planned.emplace(checked.trial.id, checked.trial.params);
  };
}

}  // namespace

PreparedSweep prepare_sweep(const RunOptions& options, InterruptWatch& interrupt, int ranks, const std::string& host) {
  sweep::SweepSpec spec = load_sweep_file(options.sweep_file);
  refuse_shard_of_bayes(options, spec);
  io::ResultsLayout layout(options.results_root / spec.name);
  io::TrialStore store(layout.trials_dir());
  PlannedParams planned;
  SweepCheck check = check_sweep(std::move(spec), keeping_finished(store, planned));
  pause_point("preflight_checked");
  interrupt.stop_cleanly();

  store.prepare();
  io::SweepLock lock = lock_for(options, layout);
  io::SweepMeta meta = describe(check.spec);
  meta.ranks = ranks;
  meta.hosts = {host};
  refuse_changed_sweep(options, layout, meta);
  ResumeState resume = read_resume_state(check.spec, store, planned);  // may refuse: before writing
  stamp(layout, meta);
  remove_leftovers(options, layout);

  std::vector<std::string> warnings = check.spec.warnings;
  if (!lock.warning().empty()) warnings.push_back(lock.warning());
  warnings.insert(warnings.end(), resume.problems.begin(), resume.problems.end());
  return {std::move(check.spec), std::move(layout), std::move(lock), std::move(meta), std::move(resume), std::move(warnings)};
}

}  // namespace vmsweep::dist
