#include "coordinator.hpp"

#include <algorithm>
#include <string>

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
      slots_(static_cast<std::size_t>(pool.size()), Slot::idle), running_(slots_.size(), -1), last_trace_(slots_.size()) {
  if (!spec.early_terminate) return;
  pruner_ = sweep::make_pruner(spec);
  for (const EarlierEpoch& epoch : earlier) pruner_->remember(epoch.trial_id, epoch.epoch, epoch.val_loss);
}

SweepTally Coordinator::run() {
  auto wait = shortest_wait;
  for (;;) {
    notice_interrupt();
    hand_out();
    if (all_closed()) return tally_;
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

void Coordinator::on_result(int slot, const TrialOutcome& outcome) {
  slots_[slot] = Slot::idle;
  progress_.trial_finished(outcome);
  if (outcome.interrupted) {
    ++tally_.abandoned;
    // Only a signal makes a worker abandon a trial on its own, and it reports the signal first; this
    // keeps the rule should a report ever be missing.
    if (!tally_.stopped()) stop_for_signal(SIGTERM, slot);
    return;
  }
  ++tally_.finished;
  pause_point("trial_recorded");
  if (outcome.status == TrialStatus::failed || outcome.status == TrialStatus::diverged) ++tally_.failed;
  queue_.tell(outcome.trial_id, search_objective(outcome.status, outcome.metric(metric_.name)));
}

// The worker's trial was not recorded (its file could not be written): it runs again on resume.
void Coordinator::on_fatal(int slot, const std::string& message) {
  if (slots_[slot] == Slot::busy) {
    TrialOutcome lost;
    lost.trial_id = running_[slot];
    lost.interrupted = true;
    progress_.trial_finished(lost);
    ++tally_.abandoned;
    slots_[slot] = Slot::idle;
  }
  if (tally_.failure) return;
  tally_.failure = "rank " + std::to_string(slot) + ": " + message;
  progress_.note("error on rank " + std::to_string(slot) + ": " + message +
                 "; no new trials, stopping the running ones (they run again when the sweep is resumed)");
}

bool Coordinator::all_closed() const {
  return std::all_of(slots_.begin(), slots_.end(), [](Slot slot) { return slot == Slot::closed; });
}

bool Coordinator::none_busy() const {
  return std::none_of(slots_.begin(), slots_.end(), [](Slot slot) { return slot == Slot::busy; });
}

}  // namespace vmsweep::dist
