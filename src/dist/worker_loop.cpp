#include "worker_loop.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

Ruling ask_to_continue(WorkerLink& link, std::int64_t trial_id, const EpochRecord& record) {
  link.send(encode_epoch({trial_id, record}));
  Message answer = link.receive();
  if (answer.tag != Tag::verdict) throw Error("protocol error: expected a verdict after an epoch report");
  return decode_verdict(answer.body);
}

}  // namespace

void serve_trials(WorkerLink& link, TrialExecutor& executor) {
  for (;;) {
    Message message = link.receive();
    if (message.tag == Tag::shutdown) return;
    if (message.tag != Tag::assign) throw Error("protocol error: a worker expected an assignment or shutdown");
    sweep::TrialSpec trial = decode_assign(message.body);
    auto ask = [&](const EpochRecord& record) { return ask_to_continue(link, trial.id, record); };
    link.send(encode_result(executor.execute(trial, ask)));
  }
}

}  // namespace vmsweep::dist
