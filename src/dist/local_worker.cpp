#include "local_worker.hpp"

#include "worker_loop.hpp"

namespace vmsweep::dist {

LocalWorker::LocalWorker(TrialExecutor& executor, const InterruptWatch& interrupt) {
  thread_ = std::thread([this, &executor, &interrupt] {
    try {
      MailboxWorkerLink link(to_worker_, from_worker_);
      serve_trials(link, executor, interrupt);
    } catch (const std::exception& error) {
      from_worker_.push(encode_fatal({error.what(), no_trial}));
    }
  });
}

LocalWorker::~LocalWorker() {
  if (!thread_.joinable()) return;
  to_worker_.push(encode_shutdown());
  thread_.join();
}

void LocalWorker::join() { thread_.join(); }

}  // namespace vmsweep::dist
