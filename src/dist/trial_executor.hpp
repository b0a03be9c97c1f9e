#pragma once
// Runs one assigned trial on a worker: where an interrupt is noticed between epochs, and what writes
// the finished trial's file (the worker itself, never the coordinator; worker_loop decides when). A
// trial's own errors were already turned into a failed result by train::run_trial; what reaches here
// (a file that cannot be written, a lost coordinator) passes on and stops the worker.
#include <functional>
#include <string>

#include "interrupt.hpp"
#include "protocol.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/run_trial.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::dist {

// Returns false to stop the trial after this epoch (train's callback type).
using train::EpochCallback;
using AskCoordinator = std::function<Ruling(const EpochRecord&)>;
// Trains one trial: train::run_trial, or a fake that only sleeps (for scheduler benchmarks). Returns
// a failed result for the trial's own errors; throws only for the caller's.
using TrialFunction =
    std::function<TrialResult(const Value& params, int threads, const EpochCallback& on_epoch)>;
// Records a finished trial (io::TrialStore's file, or a record in io::TrialLog); empty when trial
// files are off (--no-trial-files).
using TrialWriter = std::function<void(const sweep::TrialSpec& trial, const TrialResult& result)>;

struct WorkerIdentity {
  int rank = 0;
  std::string host;
  int threads = 1;
  std::string threads_reason{};  // the thread choice's reason and the OpenMP wait policy, for the opening line
};

// A trial that ran: what its file would hold, and what the coordinator hears.
struct TrainedTrial {
  TrialResult result;
  TrialOutcome outcome;
  // Whether its file is to be written: not when interrupted (a resumed sweep runs it again) nor
  // when trial files are off.
  bool to_record = false;
};

class TrialExecutor {
public:
  TrialExecutor(TrialFunction train, TrialWriter write, WorkerIdentity identity, const InterruptWatch& interrupt)
      : train_(std::move(train)), write_(std::move(write)), identity_(std::move(identity)), interrupt_(interrupt) {}

  // Trains `trial`, asking `ask_coordinator` after every epoch whether it may go on. Does not write
  // its file: record() does, on whichever thread the worker chooses.
  TrainedTrial train(const sweep::TrialSpec& trial, const AskCoordinator& ask_coordinator);
  void record(const sweep::TrialSpec& trial, const TrialResult& result) const { write_(trial, result); }
  int threads() const { return identity_.threads; }
  const std::string& threads_reason() const { return identity_.threads_reason; }

private:
  TrialOutcome summarise(const sweep::TrialSpec& trial, const TrialResult& result) const;

  TrialFunction train_;
  TrialWriter write_;
  WorkerIdentity identity_;
  const InterruptWatch& interrupt_;
};

}  // namespace vmsweep::dist
