#pragma once
// Rank 0's own trial thread, so the coordinator does not waste a core: it runs the same worker
// loop as the other ranks, talking to the coordinator through two mailboxes, and never calls MPI.
#include <thread>

#include "interrupt.hpp"
#include "mailbox.hpp"
#include "trial_executor.hpp"

namespace vmsweep::dist {

class LocalWorker {
public:
  LocalWorker(TrialExecutor& executor, const InterruptWatch& interrupt);
  // Tells the thread to stop (if the coordinator could not) and joins it.
  ~LocalWorker();
  LocalWorker(const LocalWorker&) = delete;
  LocalWorker& operator=(const LocalWorker&) = delete;

  Mailbox& to_worker() { return to_worker_; }
  Mailbox& from_worker() { return from_worker_; }
  // Joins the thread after the coordinator shut it down (an error it died of reached the coordinator
  // as a fatal message).
  void join();

private:
  Mailbox to_worker_;
  Mailbox from_worker_;
  std::thread thread_;
};

}  // namespace vmsweep::dist
