#pragma once
// Rank 0's own trial thread, so the coordinator does not waste a core: it runs the same worker
// loop as the other ranks, talking to the coordinator through two mailboxes, and never calls MPI.
#include <exception>
#include <thread>

#include "mailbox.hpp"
#include "trial_executor.hpp"

namespace vmsweep::dist {

class LocalWorker {
public:
  explicit LocalWorker(TrialExecutor& executor);
  // Tells the thread to stop (if the coordinator could not) and joins it.
  ~LocalWorker();
  LocalWorker(const LocalWorker&) = delete;
  LocalWorker& operator=(const LocalWorker&) = delete;

  Mailbox& to_worker() { return to_worker_; }
  Mailbox& from_worker() { return from_worker_; }
  // Joins the thread after the coordinator shut it down; rethrows what it failed with, if anything.
  void join();

private:
  Mailbox to_worker_;
  Mailbox from_worker_;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace vmsweep::dist
