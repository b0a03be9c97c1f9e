#include "resume_state.hpp"

#include <map>

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

// What differs between the parameters a trial has in the sweep now and those it ran with (which
// also hold the trainer's defaults); empty when nothing does.
std::string difference(const Value& planned, const Value& ran) {
  for (const auto& [key, value] : planned.as_map()) {
    const Value* stored = ran.find(key);
    if (!stored) return key + " was not set";
    if (!(*stored == value)) return key + " was " + stored->to_string() + ", the sweep now has " + value.to_string();
  }
  return {};
}

// A trial file that appeared after the preflight drew the plan was written by a shard running now,
// with the same sweep file: only ids beyond the sweep are then known to be wrong.
std::string mismatch_of(const io::StoredTrial& trial, const PlannedParams& planned, std::int64_t trials) {
  const std::int64_t id = std::stoll(trial.id);
  if (id >= trials) return "trial " + trial.id + " is not one of the sweep's " + std::to_string(trials) + " trials";
  auto found = planned.find(id);
  if (found == planned.end()) return {};
  std::string differs = difference(found->second, trial.result.params);
  return differs.empty() ? differs : "trial " + trial.id + ": " + differs;
}

[[noreturn]] void refuse(const sweep::SweepSpec& spec, const io::TrialStore& store, const std::vector<std::string>& mismatches) {
  std::string examples;
  for (std::size_t i = 0; i < mismatches.size() && i < 3; ++i) examples += (i ? "; " : "") + mismatches[i];
  throw InputError(spec.path.string() + ": " + std::to_string(mismatches.size()) + " finished trials in " +
                   store.dir().string() + " ran other parameters than the trials of the same id in this sweep file (" +
                   examples + "). Resuming would mix two sweeps: give the sweep another `name:` or move the folder away.");
}

void take_curve(std::int64_t id, const TrialResult& result, EarlierEpochs& epochs) {
  for (const EpochRecord& record : result.curve) epochs.push_back({id, record.epoch, record.val_loss});
}

}  // namespace

ResumeState read_resume_state(const sweep::SweepSpec& spec, const io::TrialStore& store, const PlannedParams& planned) {
  const bool prunes = spec.early_terminate.has_value();
  const bool listed = spec.method != sweep::Method::bayes;
  io::TrialScan scan = store.scan(prunes);  // curves only for the pruner; never the predictions
  ResumeState resume{{}, {}, std::move(scan.problems)};
  std::vector<std::string> mismatches;
  for (const io::StoredTrial& trial : scan.trials) {
    if (listed)
      if (std::string mismatch = mismatch_of(trial, planned, sweep::trial_count(spec)); !mismatch.empty())
        mismatches.push_back(mismatch);
    const std::int64_t id = std::stoll(trial.id);
    resume.finished.emplace(id, search_objective(trial.result.status, trial.result.metric(spec.metric.name)));
    if (prunes) take_curve(id, trial.result, resume.epochs);
  }
  if (!mismatches.empty()) refuse(spec, store, mismatches);
  for (std::string& problem : resume.problems) problem += "; it does not count as a finished trial";
  return resume;
}

}  // namespace vmsweep::dist
