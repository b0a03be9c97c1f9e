#include "vmsweep/dist/aggregate_sweep.hpp"

#include "fleet_table.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/baselines_table.hpp"
#include "vmsweep/io/leftovers.hpp"
#include "vmsweep/io/sweep_lock.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/io/trial_store.hpp"
#include "vmsweep/train/baseline_scores.hpp"
#include "vmsweep/train/global_trial.hpp"

namespace vmsweep::dist {

namespace {

// The baselines (written to baselines.h5) and the per-trace summary the aggregate writes to /fleet.
struct Scored {
  std::vector<std::string> problems;
  io::Table fleet;
};

// A guarded forecast's member's predictions on `trace` (a global trial's there), read in full.
PredictionsOf predictions_from(const io::TrialStore& store) {
  return [&store](const std::string& trial_id, const std::string& trace) {
    TrialResult result = store.read(trial_id).result;
    for (TraceScores& scores : result.per_trace)
      if (scores.trace == trace) return std::move(scores.predictions);
    return std::move(result.predictions);
  };
}

Scored score_baselines(const io::ResultsLayout& layout, const io::SweepMeta& meta) {
  const io::TrialStore store(layout.trials_dir());
  const std::vector<io::StoredTrial> trials = store.scan().trials;
  std::vector<const TrialResult*> results;
  std::vector<TrialResult> views;  // a global trial's, one per trace
  for (const io::StoredTrial& trial : trials) {
    for (TrialResult& view : train::per_trace_views(trial.result)) views.push_back(std::move(view));
    if (trial.result.per_trace.empty()) results.push_back(&trial.result);
  }
  for (const TrialResult& view : views) results.push_back(&view);
  Scored scored;
  const std::vector<BaselineScore> scores = train::compute_sweep_baselines(results, scored.problems);
  if (!scores.empty()) io::write_baselines(layout, scores);
  scored.fleet = fleet_table(trials, scores, meta, predictions_from(store));
  return scored;
}

AggregateReport report_of(std::vector<std::string> problems, io::Aggregated aggregated) {
  problems.insert(problems.end(), aggregated.problems.begin(), aggregated.problems.end());
  return {aggregated.trials, std::move(problems)};
}

}  // namespace

AggregateReport aggregate_sweep(const io::ResultsLayout& layout, const io::SweepMeta& meta) {
  Scored scored = score_baselines(layout, meta);
  return report_of(std::move(scored.problems), io::aggregate(layout, meta, scored.fleet));
}

AggregateReport aggregate_folder(const io::ResultsLayout& layout) {
  const std::optional<io::SweepMeta> meta = io::read_sweep_stamp(layout);
  if (!meta)
    throw InputError(layout.sweep_dir().string() + ": not a vmsweep results folder (no " +
                     layout.stamp_file().filename().string() + ")");
  const io::SweepLock lock = io::SweepLock::whole(layout);
  io::remove_leftovers(layout);
  Scored scored = score_baselines(layout, *meta);
  if (!lock.warning().empty()) scored.problems.insert(scored.problems.begin(), lock.warning());
  return report_of(std::move(scored.problems), io::aggregate(layout, scored.fleet));
}

}  // namespace vmsweep::dist
