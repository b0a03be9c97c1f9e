#include "worker_pool.hpp"

namespace vmsweep::dist {

void WorkerPool::send(int slot, const Message& message) {
  if (slot == 0) to_local_.push(message);
  else comm_.send(slot, message);
}

std::optional<WorkerPool::Incoming> WorkerPool::poll(std::chrono::microseconds patience) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (auto local = from_local_.try_pop()) return Incoming{0, std::move(*local)};
    int source = 0;
    if (comm_.size() > 1)
      if (auto remote = comm_.try_receive(MPI_ANY_SOURCE, &source)) return Incoming{source, std::move(*remote)};
    if (attempt == 0) from_local_.wait_for(patience);
  }
  return std::nullopt;
}

}  // namespace vmsweep::dist
