#pragma once
// Rank 0's main thread: hands trials to workers as they free up, answers their epoch reports,
// collects outcomes, prints progress, and stops handing out work on SIGINT/SIGTERM. It sees every
// rank's epoch reports, so it is where early termination (the sweep file's early_terminate) decides.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
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
  int abandoned = 0;           // interrupted before they ended (they run again on resume)
  bool interrupted = false;
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
  void hand_out();
  void close(int slot);
  void handle(WorkerPool::Incoming& incoming);
  void on_result(int slot, const TrialOutcome& outcome);
  // Whether a running trial may start its next epoch: abandon once interrupted, else the pruner's word.
  Ruling judge(const EpochReport& report);
  bool all_closed() const;
  bool none_busy() const;

  WorkerPool& pool_;
  TrialQueue& queue_;
  Progress& progress_;
  const InterruptWatch& interrupt_;
  sweep::Metric metric_;
  std::unique_ptr<sweep::Pruner> pruner_;  // none without early_terminate
  std::vector<Slot> slots_;
  SweepTally tally_;
};

}  // namespace vmsweep::dist
