#include "local_worker.hpp"

#include "worker_loop.hpp"

namespace vmsweep::dist {

LocalWorker::LocalWorker(TrialExecutor& executor) {
  thread_ = std::thread([this, &executor] {
    try {
      MailboxWorkerLink link(to_worker_, from_worker_);
      serve_trials(link, executor);
    } catch (const std::exception& error) {
      failure_ = std::current_exception();
      from_worker_.push(encode_fatal(error.what()));
    }
  });
}

LocalWorker::~LocalWorker() {
  if (!thread_.joinable()) return;
  to_worker_.push(encode_shutdown());
  thread_.join();
}

void LocalWorker::join() {
  thread_.join();
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace vmsweep::dist
