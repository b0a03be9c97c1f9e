#include "worker_loop.hpp"

#include <algorithm>

#include "trial_recorder.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

Ruling ask_to_continue(WorkerLink& link, std::int64_t trial_id, const EpochRecord& record) {
  link.send(encode_epoch({trial_id, record}));
  Message answer = link.receive();
  if (answer.tag != Tag::verdict) throw Error("protocol error: expected a verdict after an epoch report");
  return decode_verdict(answer.body);
}

class Worker {
public:
  Worker(WorkerLink& link, TrialExecutor& executor, const InterruptWatch& interrupt)
      : link_(link), executor_(executor), interrupt_(interrupt), recorder_(executor) {}

  void serve() {
    for (;;) {
      Message message = next_message();
      if (message.tag == Tag::shutdown) {
        report_recorded(Wait::yes);
        return;
      }
      if (message.tag != Tag::assign) throw Error("protocol error: a worker expected an assignment or shutdown");
      run_assigned(decode_assign(message.body));
    }
  }

private:
  enum class Wait { no, yes };

  // Tells the coordinator, once, that a signal reached this rank.
  void pass_on_signal() {
    if (told_ || !interrupt_.requested()) return;
    link_.send(encode_interrupted(interrupt_.signal_number()));
    told_ = true;
  }

  // Sends the result of the trial being written once its file is durable, or the error that lost it.
  void report_recorded(Wait wait) {
    if (!recorder_.busy()) return;
    const std::int64_t trial_id = recorder_.trial_id();
    try {
      if (auto recorded = wait == Wait::yes ? recorder_.wait() : recorder_.poll()) link_.send(encode_result(*recorded));
    } catch (const std::exception& error) {
      link_.send(encode_fatal({error.what(), trial_id}));
    }
  }

  // Waits with a sleeping back-off (an idle rank must not steal a core from the ranks that train),
  // passing on a signal and a durable trial file that arrive meanwhile.
  Message next_message() {
    for (auto patience = std::chrono::microseconds(10);; patience = std::min(patience * 2, std::chrono::microseconds(1000))) {
      report_recorded(Wait::no);
      if (auto message = link_.receive_for(patience)) return std::move(*message);
      pass_on_signal();
    }
  }

  void run_assigned(const sweep::TrialSpec& trial) {
    auto ask = [&](const EpochRecord& record) {
      report_recorded(Wait::no);
      return ask_to_continue(link_, trial.id, record);
    };
    std::optional<TrainedTrial> trained;
    try {
      trained = executor_.train(trial, ask);
    } catch (const std::exception& error) {
      report_recorded(Wait::yes);
      link_.send(encode_fatal({error.what(), trial.id}));
      return;
    }
    report_recorded(Wait::yes);  // one file at a time, the older one reported first
    pass_on_signal();            // first, so the coordinator knows why a trial was abandoned
    if (!trained->to_record) {
      link_.send(encode_result(trained->outcome));
      return;
    }
    link_.send(encode_ready(trained->outcome));
    recorder_.start(trial, std::move(trained->result), std::move(trained->outcome));
  }

  WorkerLink& link_;
  TrialExecutor& executor_;
  const InterruptWatch& interrupt_;
  bool told_ = false;
  TrialRecorder recorder_;  // its destructor waits for a write in progress
};

}  // namespace

void serve_trials(WorkerLink& link, TrialExecutor& executor, const InterruptWatch& interrupt) {
  Worker(link, executor, interrupt).serve();
}

}  // namespace vmsweep::dist
