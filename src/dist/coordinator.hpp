#pragma once
// Rank 0's main thread: hands trials to workers as they free up, answers their epoch reports,
// collects outcomes and prints progress. It stops handing out work when a signal reaches any rank
// (its own, or a worker's, which that worker reports) or when a worker meets an error that is not
// its trial's; running trials are then abandoned at their next epoch and run again on resume. It
// sees every rank's epoch reports, so it is where early termination (the sweep file's
// early_terminate) decides. A rank that says a trial is ready gets its next trial at once while it
// writes the file; the trial counts as finished when its result says the file is durable, and the
// run ends only once every such file is.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "earlier_epochs.hpp"
#include "interrupt.hpp"
#include "progress.hpp"
#include "trial_queue.hpp"
#include "vmsweep/sweep/pruner.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"
#include "worker_pool.hpp"

namespace vmsweep::dist {

struct SweepTally {
  int finished = 0;            // trials that ended and were recorded in this run
  int failed = 0;              // of which failed or diverged
  int abandoned = 0;           // stopped before they ended (they run again on resume)
  bool interrupted = false;    // a signal reached some rank
  std::optional<std::string> failure;  // the first error a worker reported that was not its trial's
  bool stopped() const { return interrupted || failure.has_value(); }
};

class Coordinator {
public:
  // Takes the metric TPE learns from and the early_terminate rule from `spec`; `earlier` are the
  // epochs of trials a resumed sweep finished before, which the pruner compares new arrivals with.
  Coordinator(WorkerPool& pool, TrialQueue& queue, Progress& progress, const InterruptWatch& interrupt,
              const sweep::SweepSpec& spec, const EarlierEpochs& earlier = {});

  // Until every worker is shut down.
  SweepTally run();

private:
  enum class Slot { idle, busy, closed };

  void notice_interrupt();
  void stop_for_signal(int signal_number, int rank);
  void hand_out();
  void close(int slot);
  void handle(WorkerPool::Incoming& incoming);
  void on_ready(int slot, const TrialOutcome& outcome);
  void on_result(int slot, const TrialOutcome& outcome);
  void on_fatal(int slot, const FatalReport& report);
  void learn(const TrialOutcome& outcome);   // the sampler hears of an ended trial
  void count(const TrialOutcome& outcome);   // a recorded trial: progress and the tally
  void lose(std::int64_t trial_id);          // a trial that will run again on resume
  // Whether a running trial may start its next epoch: abandon once stopping, else the pruner's word.
  Ruling judge(const EpochReport& report);
  bool all_closed() const;
  bool none_busy() const;
  bool none_recording() const;

  WorkerPool& pool_;
  TrialQueue& queue_;
  Progress& progress_;
  const InterruptWatch& interrupt_;
  sweep::Metric metric_;
  std::unique_ptr<sweep::Pruner> pruner_;  // none without early_terminate
  std::vector<Slot> slots_;
  std::vector<std::int64_t> running_;    // the trial each busy slot runs
  std::vector<std::int64_t> recording_;  // the ready trial whose file each slot's rank writes, or no_trial
  std::vector<std::string> last_trace_;  // the trace each slot ran last: its rank holds it prepared
  SweepTally tally_;
};

}  // namespace vmsweep::dist
