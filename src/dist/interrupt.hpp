#pragma once
// SIGINT and SIGTERM (Ctrl-C, Slurm preemption, mpirun forwarding a kill): the first one asks
// the sweep to stop cleanly; the handlers are then reset, so a second one kills at once.
#include <csignal>

namespace vmsweep::dist {

// Installs the handlers for its lifetime and restores the previous ones after. One per process.
class InterruptWatch {
public:
  InterruptWatch();
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  bool requested() const;
  int signal_number() const;  // 0 while nothing arrived

private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace vmsweep::dist
