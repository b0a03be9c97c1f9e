#include "coordinator.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/pause_point.hpp"

namespace vmsweep::dist {

namespace {

// The coordinator sleeps between polls when nothing arrives, backing off to at most this long:
// short enough to add well under a millisecond per trial, long enough not to steal a core.
constexpr auto shortest_wait = std::chrono::microseconds(20);
constexpr auto longest_wait = std::chrono::microseconds(500);

}  // namespace

Coordinator::Coordinator(WorkerPool& pool, TrialQueue& queue, Progress& progress, const InterruptWatch& interrupt,
                         const sweep::SweepSpec& spec, const EarlierEpochs& earlier)
    : pool_(pool), queue_(queue), progress_(progress), interrupt_(interrupt), metric_(spec.metric),
      slots_(static_cast<std::size_t>(pool.size()), Slot::idle), running_(slots_.size(), no_trial),
      recording_(slots_.size(), no_trial), last_trace_(slots_.size()) {
  if (!spec.early_terminate) return;
  pruner_ = sweep::make_pruner(spec);
  for (const EarlierEpoch& epoch : earlier) pruner_->remember(epoch.trial_id, epoch.epoch, epoch.val_loss);
}

SweepTally Coordinator::run() {
  auto wait = shortest_wait;
  for (;;) {
    notice_interrupt();
    hand_out();
    if (all_closed() && none_recording()) return tally_;
    if (auto incoming = pool_.poll(wait)) {
      handle(*incoming);
      wait = shortest_wait;
    } else {
      wait = std::min(wait * 2, longest_wait);
    }
    progress_.tick();
  }
}

void Coordinator::notice_interrupt() {
  if (interrupt_.requested()) stop_for_signal(interrupt_.signal_number(), 0);
}

// A signal on any rank stops the whole sweep: a sweep that went on without that rank's trials, or
// cut them short, would end looking finished with trials missing.
void Coordinator::stop_for_signal(int signal_number, int rank) {
  if (tally_.interrupted) return;
  tally_.interrupted = true;
  progress_.note("signal " + std::to_string(signal_number) + " on rank " + std::to_string(rank) +
                 ": no new trials; stopping the running ones (they run again when the sweep is resumed)");
}

void Coordinator::hand_out() {
  for (int slot = 0; slot < static_cast<int>(slots_.size()); ++slot) {
    if (slots_[slot] != Slot::idle) continue;
    std::optional<sweep::TrialSpec> trial;
    if (!tally_.stopped()) trial = queue_.next(last_trace_[slot]);
    if (trial) {
      last_trace_[slot] = trial->trace;
      progress_.trial_started(*trial);
      pool_.send(slot, encode_assign(*trial));
      slots_[slot] = Slot::busy;
      running_[slot] = trial->id;
    } else if (tally_.stopped() || queue_.exhausted() || none_busy()) {
      // A sampler that proposes nothing while no trial runs would never propose again.
      close(slot);
    }
  }
}

void Coordinator::close(int slot) {
  pool_.send(slot, encode_shutdown());
  slots_[slot] = Slot::closed;
}

void Coordinator::handle(WorkerPool::Incoming& incoming) {
  switch (incoming.message.tag) {
    case Tag::epoch:
      pool_.send(incoming.slot, encode_verdict(judge(decode_epoch(incoming.message.body))));
      return;
    case Tag::ready:
      on_ready(incoming.slot, decode_result(incoming.message.body));
      return;
    case Tag::result:
      on_result(incoming.slot, decode_result(incoming.message.body));
      return;
    case Tag::fatal:
      on_fatal(incoming.slot, decode_fatal(incoming.message.body));
      return;
    case Tag::interrupted:
      stop_for_signal(decode_interrupted(incoming.message.body), incoming.slot);
      return;
    default:
      throw Error("protocol error: rank " + std::to_string(incoming.slot) + " sent an unexpected message");
  }
}

Ruling Coordinator::judge(const EpochReport& report) {
  // A worker rank may not have seen the signal itself (only rank 0 was told): abandon, so that it
  // does not record the cut-short trial as finished.
  if (tally_.stopped()) return {Verdict::abandon, {}};
  if (!pruner_) return {};
  auto pruning = pruner_->should_stop(report.trial_id, report.record.epoch, report.record.val_loss);
  if (!pruning) return {};
  return {Verdict::prune, pruning->reason()};
}

// The rank is free for its next trial while it writes this one's file; the sampler learns the score
// now, as it would have from the result, so proposals do not depend on how long files take.
void Coordinator::on_ready(int slot, const TrialOutcome& outcome) {
  if (slots_[slot] != Slot::busy || running_[slot] != outcome.trial_id || recording_[slot] != no_trial)
    throw Error("protocol error: rank " + std::to_string(slot) + " said a trial was ready that it was not running");
  slots_[slot] = Slot::idle;
  recording_[slot] = outcome.trial_id;
  progress_.trial_ended(outcome.trial_id);
  learn(outcome);
}

void Coordinator::on_result(int slot, const TrialOutcome& outcome) {
  if (recording_[slot] != no_trial && recording_[slot] == outcome.trial_id) {
    recording_[slot] = no_trial;
    count(outcome);
    return;
  }
  if (slots_[slot] != Slot::busy || running_[slot] != outcome.trial_id)
    throw Error("protocol error: rank " + std::to_string(slot) + " sent the result of a trial it was not running");
  slots_[slot] = Slot::idle;
  if (outcome.interrupted) {
    progress_.trial_finished(outcome);
    ++tally_.abandoned;
    // Only a signal makes a worker abandon a trial on its own, and it reports the signal first; this
    // keeps the rule should a report ever be missing.
    if (!tally_.stopped()) stop_for_signal(SIGTERM, slot);
    return;
  }
  learn(outcome);
  count(outcome);
}

void Coordinator::learn(const TrialOutcome& outcome) {
  queue_.tell(outcome.trial_id, search_objective(outcome.status, outcome.metric(metric_.name)));
}

void Coordinator::count(const TrialOutcome& outcome) {
  progress_.trial_finished(outcome);
  ++tally_.finished;
  pause_point("trial_recorded");
  if (outcome.status == TrialStatus::failed || outcome.status == TrialStatus::diverged) ++tally_.failed;
}

void Coordinator::lose(std::int64_t trial_id) {
  TrialOutcome lost;
  lost.trial_id = trial_id;
  lost.interrupted = true;
  progress_.trial_finished(lost);
  ++tally_.abandoned;
}

// The trial the error cost was not recorded (its file could not be written, or it was running): it
// runs again on resume. An error of the rank itself costs both.
void Coordinator::on_fatal(int slot, const FatalReport& report) {
  const bool whole_rank = report.lost_trial == no_trial;
  if (recording_[slot] != no_trial && (whole_rank || report.lost_trial == recording_[slot])) {
    lose(std::exchange(recording_[slot], no_trial));
  }
  if (slots_[slot] == Slot::busy && (whole_rank || report.lost_trial == running_[slot])) {
    lose(running_[slot]);
    slots_[slot] = Slot::idle;
  }
  if (tally_.failure) return;
  tally_.failure = "rank " + std::to_string(slot) + ": " + report.what;
  progress_.note("error on rank " + std::to_string(slot) + ": " + report.what +
                 "; no new trials, stopping the running ones (they run again when the sweep is resumed)");
}

bool Coordinator::all_closed() const {
  return std::all_of(slots_.begin(), slots_.end(), [](Slot slot) { return slot == Slot::closed; });
}

bool Coordinator::none_busy() const {
  return std::none_of(slots_.begin(), slots_.end(), [](Slot slot) { return slot == Slot::busy; });
}

bool Coordinator::none_recording() const {
  return std::all_of(recording_.begin(), recording_.end(), [](std::int64_t trial) { return trial == no_trial; });
}

}  // namespace vmsweep::dist
