#include "trial_executor.hpp"

#include <string>

#include "vmsweep/common/pause_point.hpp"

namespace vmsweep::dist {

TrainedTrial TrialExecutor::train(const sweep::TrialSpec& trial, const AskCoordinator& ask_coordinator) {
  // Assigned just before the coordinator heard of this rank's signal: do not start it.
  if (interrupt_.requested()) {
    TrialOutcome outcome = summarise(trial, TrialResult{});
    outcome.interrupted = true;
    return {TrialResult{}, std::move(outcome), false};
  }
  bool interrupted = false;
  std::string pruned_because;
  auto on_epoch = [&](const EpochRecord& record) {
    pause_point("epoch");
    interrupted = interrupted || interrupt_.requested();
    if (interrupted) return false;
    Ruling ruling = ask_coordinator(record);
    interrupted = ruling.verdict == Verdict::abandon;
    if (ruling.verdict == Verdict::prune) pruned_because = std::move(ruling.reason);
    return ruling.verdict == Verdict::go_on;
  };
  TrialResult result = train_(trial.params, identity_.threads, on_epoch);
  result.trace = trial.trace;
  for (std::size_t index = 0; index < result.per_trace.size() && index < trial.traces.size(); ++index)
    result.per_trace[index].trace = trial.traces[index];
  // The trainer only knows that its callback said stop; the coordinator's reason says why.
  if (result.status == TrialStatus::stopped && !pruned_because.empty()) result.reason = pruned_because;
  TrialOutcome outcome = summarise(trial, result);
  outcome.interrupted = interrupted || interrupt_.requested();
  const bool to_record = !outcome.interrupted && static_cast<bool>(write_);
  return {std::move(result), std::move(outcome), to_record};
}

TrialOutcome TrialExecutor::summarise(const sweep::TrialSpec& trial, const TrialResult& result) const {
  TrialOutcome outcome;
  outcome.trial_id = trial.id;
  outcome.status = result.status;
  outcome.reason = result.reason;
  outcome.metrics = result.metrics;
  outcome.epochs_run = result.epochs_run;
  outcome.seconds = result.seconds;
  outcome.rank = identity_.rank;
  outcome.host = identity_.host;
  return outcome;
}

}  // namespace vmsweep::dist
