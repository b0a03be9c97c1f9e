#include "trial_recorder.hpp"

#include <sched.h>

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

// Writing a file may wait: the coordinator and the trials may not. The recorder thread runs as
// SCHED_IDLE (Linux): on what the rank's trials and the coordinator leave idle, giving way the
// moment one of them wakes, yet never starved outright (it keeps a sliver of a busy core, and its
// rank waits for it, idle, before the next file at the latest). Measured with bench/bench_fleet.py
// (16 ranks on 2 cores): nice 10 kept utilisation at 0.936, nice 19 at 0.945, SCHED_IDLE at 0.952.
// Best effort: a refusal changes nothing else.
void lower_priority() {
  sched_param parameters{};
  ::sched_setscheduler(0, SCHED_IDLE, &parameters);  // 0: the calling thread
}

}  // namespace

TrialRecorder::TrialRecorder(const TrialExecutor& executor) : executor_(executor) {}

TrialRecorder::~TrialRecorder() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

// One thread for the rank's life: a thread per trial costs more in the kernel than the file itself.
void TrialRecorder::write_jobs() {
  lower_priority();
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return closing_ || (job_ && !written_); });
    if (!job_ || written_) return;  // closing with nothing to write
    Job& job = *job_;
    lock.unlock();
    try {
      executor_.record(job.trial, job.result);
    } catch (...) {
      job.error = std::current_exception();
    }
    lock.lock();
    written_ = true;
    changed_.notify_all();
  }
}

void TrialRecorder::start(const sweep::TrialSpec& trial, TrialResult result, TrialOutcome outcome) {
  if (busy()) throw Error("internal error: a trial file was started while another was being written");
  {
    std::lock_guard lock(mutex_);
    job_ = Job{trial, std::move(result), std::move(outcome), nullptr};
    written_ = false;
  }
  trial_id_ = trial.id;
  // Started at the first file: a rank that writes none (--no-trial-files) has no recorder thread.
  if (!thread_.joinable()) thread_ = std::thread([this] { write_jobs(); });
  changed_.notify_all();
}

TrialOutcome TrialRecorder::take(std::unique_lock<std::mutex>& lock) {
  Job job = std::move(*job_);
  job_.reset();
  lock.unlock();
  trial_id_ = no_trial;
  if (job.error) std::rethrow_exception(job.error);
  return std::move(job.outcome);
}

std::optional<TrialOutcome> TrialRecorder::poll() {
  if (!busy()) return std::nullopt;
  std::unique_lock lock(mutex_);
  if (!written_) return std::nullopt;
  return take(lock);
}

std::optional<TrialOutcome> TrialRecorder::wait() {
  if (!busy()) return std::nullopt;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return written_; });
  return take(lock);
}

}  // namespace vmsweep::dist
