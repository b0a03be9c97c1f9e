#include "worker_loop.hpp"

#include <algorithm>

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

Ruling ask_to_continue(WorkerLink& link, std::int64_t trial_id, const EpochRecord& record) {
  link.send(encode_epoch({trial_id, record}));
  Message answer = link.receive();
  if (answer.tag != Tag::verdict) throw Error("protocol error: expected a verdict after an epoch report");
  return decode_verdict(answer.body);
}

// Tells the coordinator, once, that a signal reached this rank.
void pass_on_signal(WorkerLink& link, const InterruptWatch& interrupt, bool& told) {
  if (told || !interrupt.requested()) return;
  link.send(encode_interrupted(interrupt.signal_number()));
  told = true;
}

// Waits with a sleeping back-off (an idle rank must not steal a core from the ranks that train),
// passing on a signal that arrives meanwhile.
Message next_message(WorkerLink& link, const InterruptWatch& interrupt, bool& told) {
  for (auto patience = std::chrono::microseconds(10);; patience = std::min(patience * 2, std::chrono::microseconds(1000))) {
    if (auto message = link.receive_for(patience)) return std::move(*message);
    pass_on_signal(link, interrupt, told);
  }
}

Message run_assigned(WorkerLink& link, TrialExecutor& executor, const Message& message) {
  sweep::TrialSpec trial = decode_assign(message.body);
  auto ask = [&](const EpochRecord& record) { return ask_to_continue(link, trial.id, record); };
  try {
    return encode_result(executor.execute(trial, ask));
  } catch (const std::exception& error) {
    return encode_fatal(error.what());
  }
}

}  // namespace

void serve_trials(WorkerLink& link, TrialExecutor& executor, const InterruptWatch& interrupt) {
  bool told = false;
  for (;;) {
    Message message = next_message(link, interrupt, told);
    if (message.tag == Tag::shutdown) return;
    if (message.tag != Tag::assign) throw Error("protocol error: a worker expected an assignment or shutdown");
    Message outcome = run_assigned(link, executor, message);
    pass_on_signal(link, interrupt, told);  // first, so the coordinator knows why a trial was abandoned
    link.send(outcome);
  }
}

}  // namespace vmsweep::dist
