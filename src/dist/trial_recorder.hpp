#pragma once
// Writes a worker's finished trials on a thread of its own, one at a time, while the worker goes on
// with its next trial. A trial file costs a create, a write, two fsyncs and a rename (about 1 ms on
// this project's ext4; on a parallel file system a metadata round trip each): written in line, that
// time would idle the rank between trials. The worker reports a trial's result only once this says
// its file is durable, so a trial the coordinator counts survives kill -9.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "protocol.hpp"
#include "trial_executor.hpp"

namespace vmsweep::dist {

class TrialRecorder {
public:
  explicit TrialRecorder(const TrialExecutor& executor);
  // Finishes the write in progress (a finished trial is never dropped half-way), then ends the thread.
  ~TrialRecorder();
  TrialRecorder(const TrialRecorder&) = delete;
  TrialRecorder& operator=(const TrialRecorder&) = delete;

  // A trial was handed over and not yet taken back by poll() or wait().
  bool busy() const { return trial_id_ != no_trial; }
  std::int64_t trial_id() const { return trial_id_; }
  // Starts writing `trial`'s file; the recorder must not be busy.
  void start(const sweep::TrialSpec& trial, TrialResult result, TrialOutcome outcome);
  // The written trial's outcome once its file is durable; nullopt while it is being written or when
  // nothing is. Rethrows the write's error (the recorder is then free again).
  std::optional<TrialOutcome> poll();
  // Waits for the write in progress, if any.
  std::optional<TrialOutcome> wait();

private:
  // The job the writer thread takes and hands back, guarded by mutex_.
  struct Job {
    sweep::TrialSpec trial;
    TrialResult result;
    TrialOutcome outcome;
    std::exception_ptr error;
  };
  void write_jobs();
  TrialOutcome take(std::unique_lock<std::mutex>& lock);

  const TrialExecutor& executor_;
  std::int64_t trial_id_ = no_trial;  // the worker thread's view: what it handed over
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<Job> job_;
  bool written_ = false;
  bool closing_ = false;
  std::thread thread_;  // started by the first start()
};

}  // namespace vmsweep::dist
