#pragma once
// A worker's line to the coordinator: MPI for ranks 1..N-1, a pair of mailboxes for rank 0's own
// trial thread. The worker loop is the same code for both.
#include "mailbox.hpp"
#include "mpi_comm.hpp"
#include "protocol.hpp"

namespace vmsweep::dist {

class WorkerLink {
public:
  virtual ~WorkerLink() = default;
  virtual Message receive() = 0;
  virtual void send(const Message& message) = 0;
};

class MpiWorkerLink final : public WorkerLink {
public:
  static constexpr int coordinator_rank = 0;
  explicit MpiWorkerLink(const Communicator& comm) : comm_(comm) {}
  Message receive() override { return comm_.receive(coordinator_rank); }
  void send(const Message& message) override { comm_.send(coordinator_rank, message); }

private:
  const Communicator& comm_;
};

class MailboxWorkerLink final : public WorkerLink {
public:
  MailboxWorkerLink(Mailbox& from_coordinator, Mailbox& to_coordinator)
      : inbox_(from_coordinator), outbox_(to_coordinator) {}
  Message receive() override { return inbox_.pop(); }
  void send(const Message& message) override { outbox_.push(message); }

private:
  Mailbox& inbox_;
  Mailbox& outbox_;
};

}  // namespace vmsweep::dist
