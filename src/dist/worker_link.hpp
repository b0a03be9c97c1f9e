#pragma once
// A worker's line to the coordinator: MPI for ranks 1..N-1 (mpi_worker_link.hpp), a pair of
// mailboxes for rank 0's own trial thread. The worker loop is the same code for both.
#include <chrono>
#include <optional>

#include "mailbox.hpp"
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
