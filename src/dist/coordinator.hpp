#pragma once
// Rank 0's main thread: hands trials to workers as they free up, answers their epoch reports,
// collects outcomes, prints progress, and stops handing out work on SIGINT/SIGTERM.
#include <chrono>
#include <cstdint>
#include <vector>

#include "interrupt.hpp"
#include "progress.hpp"
#include "trial_queue.hpp"
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
  Coordinator(WorkerPool& pool, TrialQueue& queue, Progress& progress, const InterruptWatch& interrupt,
              sweep::Metric metric);

  // Until every worker is shut down.
  SweepTally run();

private:
  enum class Slot { idle, busy, closed };

  void notice_interrupt();
  void hand_out();
  void close(int slot);
  void handle(WorkerPool::Incoming& incoming);
  void on_result(int slot, const TrialOutcome& outcome);
  // Whether a running trial may start its next epoch. Pruners (Hyperband, ASHA) decide here.
  Verdict judge(const EpochReport& report) const;
  bool all_closed() const;
  bool none_busy() const;

  WorkerPool& pool_;
  TrialQueue& queue_;
  Progress& progress_;
  const InterruptWatch& interrupt_;
  sweep::Metric metric_;
  std::vector<Slot> slots_;
  SweepTally tally_;
};

}  // namespace vmsweep::dist
