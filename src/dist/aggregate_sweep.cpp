#include "vmsweep/dist/aggregate_sweep.hpp"

#include "vmsweep/io/baselines_table.hpp"
#include "vmsweep/io/sweep_store.hpp"
#include "vmsweep/io/trial_store.hpp"
#include "vmsweep/train/baseline_scores.hpp"

namespace vmsweep::dist {

namespace {

// The parameters of the trials whose windows the baselines are scored on: those that ended ok,
// or all of them when none did.
std::vector<Value> scored_trial_params(const io::ResultsLayout& layout) {
  const io::TrialStore store(layout.trials_dir());
  std::vector<Value> ok, all;
  for (const std::string& id : store.list()) {
    io::StoredTrial trial = store.read_summary(id);
    if (trial.result.status == TrialStatus::ok) ok.push_back(trial.result.params);
    all.push_back(std::move(trial.result.params));
  }
  return ok.empty() ? all : ok;
}

std::vector<std::string> store_baselines(const io::ResultsLayout& layout) {
  std::vector<std::string> problems;
  const std::vector<BaselineScore> scores = train::compute_baselines(scored_trial_params(layout), problems);
  if (!scores.empty()) io::write_baselines(layout, scores);
  return problems;
}

}  // namespace

AggregateReport aggregate_sweep(const io::ResultsLayout& layout, const io::SweepMeta& meta) {
  AggregateReport report;
  report.problems = store_baselines(layout);
  report.trials = io::aggregate(layout, meta);
  return report;
}

AggregateReport aggregate_sweep(const io::ResultsLayout& layout) {
  AggregateReport report;
  report.problems = store_baselines(layout);
  report.trials = io::aggregate(layout);
  return report;
}

}  // namespace vmsweep::dist
