#include "trial_recorder.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

TrialRecorder::TrialRecorder(const TrialExecutor& executor)
    : executor_(executor), thread_([this] { write_jobs(); }) {}

TrialRecorder::~TrialRecorder() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

// One thread for the rank's life: a thread per trial costs more in the kernel than the file itself.
void TrialRecorder::write_jobs() {
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
