#pragma once
// RAII over the few MPI calls vmsweep needs. Private to the dist module: no other module (and no
// public header) sees mpi.h. Every call's return code is checked; a failure throws vmsweep::Error
// naming the call and MPI's own message.
#include <mpi.h>

#include <optional>
#include <string>

#include "protocol.hpp"

namespace vmsweep::dist {

void check_mpi(int return_code, const char* call);

// MPI_Init_thread with MPI_THREAD_FUNNELED: only the main thread talks MPI (rank 0's trial thread
// never does). finalize() is explicit and never called from the destructor: a rank unwinding an
// exception alone must not enter a collective the other ranks will never join.
class MpiRuntime {
public:
  MpiRuntime();
  MpiRuntime(const MpiRuntime&) = delete;
  MpiRuntime& operator=(const MpiRuntime&) = delete;
  void finalize();

private:
  bool finalized_ = false;
};

// Owns one communicator (a duplicate of MPI_COMM_WORLD, or a split of it) and frees it.
class Communicator {
public:
  static Communicator duplicate_world();
  Communicator(const Communicator&) = delete;
  Communicator& operator=(const Communicator&) = delete;
  Communicator(Communicator&& other) noexcept;
  ~Communicator();

  int rank() const { return rank_; }
  int size() const { return size_; }

  void send(int destination, const Message& message) const;
  // A message from `source` (MPI_ANY_SOURCE for any) if one has arrived; sets *from.
  std::optional<Message> try_receive(int source, int* from = nullptr) const;
  // Waits with a sleeping back-off rather than MPI's spinning receive, so an idle rank does not
  // steal a core from the ranks that still train.
  Message receive(int source) const;

  int ranks_on_this_node() const;
  void broadcast(int& value, int root) const;
  void broadcast(std::string& text, int root) const;
  // Every rank's processor name, on the root only (others get an empty list).
  std::vector<std::string> gather_hostnames(int root) const;
  [[noreturn]] void abort(int exit_code) const;

private:
  explicit Communicator(MPI_Comm handle);
  MPI_Comm handle_ = MPI_COMM_NULL;
  int rank_ = 0;
  int size_ = 1;
};

std::string processor_name();

}  // namespace vmsweep::dist
