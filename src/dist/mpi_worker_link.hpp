#pragma once
// The line of ranks 1..N-1 to the coordinator (rank 0), through MPI.
#include <chrono>
#include <optional>
#include <thread>

#include "mpi_comm.hpp"
#include "worker_link.hpp"

namespace vmsweep::dist {

class MpiWorkerLink final : public WorkerLink {
public:
  explicit MpiWorkerLink(const Communicator& comm) : comm_(comm) {}
  Message receive() override { return comm_.receive(coordinator_rank); }
  std::optional<Message> receive_for(std::chrono::microseconds patience) override {
    if (auto message = comm_.try_receive(coordinator_rank)) return message;
    std::this_thread::sleep_for(patience);
    return comm_.try_receive(coordinator_rank);
  }
  void send(const Message& message) override { comm_.send(coordinator_rank, message); }

private:
  const Communicator& comm_;
};

}  // namespace vmsweep::dist
