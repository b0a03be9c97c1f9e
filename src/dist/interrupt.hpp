#pragma once
// SIGINT and SIGTERM (Ctrl-C, Slurm preemption, mpirun forwarding a kill). While a run only checks
// (its preflight writes nothing yet) a signal ends the process at once with exit code 4: there is
// nothing to clean up, and a check blocked on a slow file system would otherwise keep waiting. From
// stop_cleanly() on, the first signal only asks the sweep to stop cleanly (on any rank: a worker
// tells the coordinator); the handlers are then reset, so a second one kills at once.
#include <csignal>

namespace vmsweep::dist {

// Installs the handlers for its lifetime and restores the previous ones after. One per process.
class InterruptWatch {
public:
  InterruptWatch();
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  // Call before anything is written; from then on a signal is only noted.
  void stop_cleanly();
  bool requested() const;
  int signal_number() const;  // 0 while nothing arrived

private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace vmsweep::dist
