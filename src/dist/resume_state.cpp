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

// Trial id -> parameters, for the trials a grid or random sweep plans.
std::map<std::int64_t, const Value*> planned_params(const std::vector<sweep::TrialSpec>& planned) {
  std::map<std::int64_t, const Value*> params;
  for (const sweep::TrialSpec& trial : planned) params.emplace(trial.id, &trial.params);
  return params;
}

std::string mismatch_of(const io::StoredTrial& trial, const std::map<std::int64_t, const Value*>& planned) {
  auto found = planned.find(std::stoll(trial.id));
  if (found == planned.end()) return "trial " + trial.id + " is not one of the sweep's " + std::to_string(planned.size()) + " trials";
  std::string differs = difference(*found->second, trial.result.params);
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

ResumeState read_resume_state(const sweep::SweepSpec& spec, const io::TrialStore& store,
                              const std::vector<sweep::TrialSpec>& planned) {
  const bool prunes = spec.early_terminate.has_value();
  io::TrialScan scan = store.scan(prunes);  // curves only for the pruner; never the predictions
  const auto planned_by_id = planned_params(planned);
  ResumeState resume{{}, {}, std::move(scan.problems)};
  std::vector<std::string> mismatches;
  for (const io::StoredTrial& trial : scan.trials) {
    if (!planned.empty())
      if (std::string mismatch = mismatch_of(trial, planned_by_id); !mismatch.empty()) mismatches.push_back(mismatch);
    const std::int64_t id = std::stoll(trial.id);
    resume.finished.emplace(id, search_objective(trial.result.status, trial.result.metric(spec.metric.name)));
    if (prunes) take_curve(id, trial.result, resume.epochs);
  }
  if (!mismatches.empty()) refuse(spec, store, mismatches);
  for (std::string& problem : resume.problems) problem += "; it does not count as a finished trial";
  return resume;
}

}  // namespace vmsweep::dist
