#pragma once
// The coordinator's view of its workers, one slot each: slot 0 is rank 0's own trial thread
// (reached through mailboxes), slot r > 0 is MPI rank r.
#include <chrono>
#include <optional>

#include "mailbox.hpp"
#include "mpi_comm.hpp"

namespace vmsweep::dist {

class WorkerPool {
public:
  WorkerPool(const Communicator& comm, Mailbox& to_local, Mailbox& from_local)
      : comm_(comm), to_local_(to_local), from_local_(from_local) {}

  int size() const { return comm_.size(); }
  void send(int slot, const Message& message);

  struct Incoming {
    int slot;
    Message message;
  };
  // The next message from any worker, or nullopt after about `patience` without one. The wait
  // sleeps on the local mailbox, so rank 0's own worker is answered at once.
  std::optional<Incoming> poll(std::chrono::microseconds patience);

private:
  const Communicator& comm_;
  Mailbox& to_local_;
  Mailbox& from_local_;
};

}  // namespace vmsweep::dist
