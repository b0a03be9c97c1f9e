#include "vmsweep/dist/aggregate_sweep.hpp"

#include "vmsweep/common/error.hpp"
#include "vmsweep/io/baselines_table.hpp"
#include "vmsweep/io/leftovers.hpp"
#include "vmsweep/io/sweep_lock.hpp"
#include "vmsweep/io/sweep_stamp.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/io/trial_store.hpp"
#include "vmsweep/train/baseline_scores.hpp"

namespace vmsweep::dist {

namespace {

std::vector<std::string> store_baselines(const io::ResultsLayout& layout) {
  const std::vector<io::StoredTrial> trials = io::TrialStore(layout.trials_dir()).scan().trials;
  std::vector<const TrialResult*> results;
  for (const io::StoredTrial& trial : trials) results.push_back(&trial.result);
  std::vector<std::string> problems;
  const std::vector<BaselineScore> scores = train::compute_sweep_baselines(results, problems);
  if (!scores.empty()) io::write_baselines(layout, scores);
  return problems;
}

AggregateReport report_of(std::vector<std::string> problems, io::Aggregated aggregated) {
  problems.insert(problems.end(), aggregated.problems.begin(), aggregated.problems.end());
  return {aggregated.trials, std::move(problems)};
}

}  // namespace

AggregateReport aggregate_sweep(const io::ResultsLayout& layout, const io::SweepMeta& meta) {
  std::vector<std::string> problems = store_baselines(layout);
  return report_of(std::move(problems), io::aggregate(layout, meta));
}

AggregateReport aggregate_folder(const io::ResultsLayout& layout) {
  if (!io::read_sweep_stamp(layout))
    throw InputError(layout.sweep_dir().string() + ": not a vmsweep results folder (no " +
                     layout.stamp_file().filename().string() + ")");
  const io::SweepLock lock = io::SweepLock::whole(layout);
  io::remove_leftovers(layout);
  std::vector<std::string> problems = store_baselines(layout);
  if (!lock.warning().empty()) problems.insert(problems.begin(), lock.warning());
  return report_of(std::move(problems), io::aggregate(layout));
}

}  // namespace vmsweep::dist
