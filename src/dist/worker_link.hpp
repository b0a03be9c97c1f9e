#pragma once
// A worker's line to the coordinator: MPI for ranks 1..N-1, a pair of mailboxes for rank 0's own
// trial thread. The worker loop is the same code for both.
#include <chrono>
#include <optional>
#include <thread>

#include "mailbox.hpp"
#include "mpi_comm.hpp"
#include "protocol.hpp"

namespace vmsweep::dist {

class WorkerLink {
public:
  virtual ~WorkerLink() = default;
  virtual Message receive() = 0;
  // The next message, or nullopt after about `patience` without one.
  virtual std::optional<Message> receive_for(std::chrono::microseconds patience) = 0;
  virtual void send(const Message& message) = 0;
};

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

class MailboxWorkerLink final : public WorkerLink {
public:
  MailboxWorkerLink(Mailbox& from_coordinator, Mailbox& to_coordinator)
      : inbox_(from_coordinator), outbox_(to_coordinator) {}
  Message receive() override { return inbox_.pop(); }
  std::optional<Message> receive_for(std::chrono::microseconds patience) override {
    inbox_.wait_for(patience);
    return inbox_.try_pop();
  }
  void send(const Message& message) override { outbox_.push(message); }

private:
  Mailbox& inbox_;
  Mailbox& outbox_;
};

}  // namespace vmsweep::dist
