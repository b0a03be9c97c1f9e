#include "mpi_comm.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

void check_mpi(int return_code, const char* call) {
  if (return_code == MPI_SUCCESS) return;
  char message[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(return_code, message, &length);
  throw Error(std::string(call) + " failed: " + std::string(message, length));
}

MpiRuntime::MpiRuntime() {
  int provided = 0;
  check_mpi(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  if (provided < MPI_THREAD_FUNNELED) throw Error("the MPI library does not support MPI_THREAD_FUNNELED");
  // Errors come back as return codes (checked above) instead of aborting inside the library.
  check_mpi(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler");
}

void MpiRuntime::finalize() {
  if (finalized_) return;
  finalized_ = true;
  check_mpi(MPI_Finalize(), "MPI_Finalize");
}

Communicator::Communicator(MPI_Comm handle) : handle_(handle) {
  check_mpi(MPI_Comm_set_errhandler(handle_, MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler");
  check_mpi(MPI_Comm_rank(handle_, &rank_), "MPI_Comm_rank");
  check_mpi(MPI_Comm_size(handle_, &size_), "MPI_Comm_size");
}

Communicator Communicator::duplicate_world() {
  MPI_Comm handle = MPI_COMM_NULL;
  check_mpi(MPI_Comm_dup(MPI_COMM_WORLD, &handle), "MPI_Comm_dup");
  return Communicator(handle);
}

Communicator::Communicator(Communicator&& other) noexcept
    : handle_(std::exchange(other.handle_, MPI_COMM_NULL)), rank_(other.rank_), size_(other.size_) {}

Communicator::~Communicator() {
  // Freeing is local and cannot hang; its result is ignored because a destructor cannot report it.
  if (handle_ != MPI_COMM_NULL) MPI_Comm_free(&handle_);
}

void Communicator::send(int destination, const Message& message) const {
  check_mpi(MPI_Send(message.body.data(), static_cast<int>(message.body.size()), MPI_BYTE, destination,
                     static_cast<int>(message.tag), handle_),
            "MPI_Send");
}

std::optional<Message> Communicator::try_receive(int source, int* from) const {
  int arrived = 0;
  MPI_Status status;
  check_mpi(MPI_Iprobe(source, MPI_ANY_TAG, handle_, &arrived, &status), "MPI_Iprobe");
  if (!arrived) return std::nullopt;
  int count = 0;
  check_mpi(MPI_Get_count(&status, MPI_BYTE, &count), "MPI_Get_count");
  Message message{static_cast<Tag>(status.MPI_TAG), Bytes(static_cast<std::size_t>(count))};
  check_mpi(MPI_Recv(message.body.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, handle_,
                     MPI_STATUS_IGNORE),
            "MPI_Recv");
  if (from) *from = status.MPI_SOURCE;
  return message;
}

Message Communicator::receive(int source) const {
  auto pause = std::chrono::microseconds(10);
  for (;;) {
    if (auto message = try_receive(source)) return std::move(*message);
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(1000));
  }
}

int Communicator::ranks_on_this_node() const {
  MPI_Comm node = MPI_COMM_NULL;
  check_mpi(MPI_Comm_split_type(handle_, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node),
            "MPI_Comm_split_type");
  return Communicator(node).size();
}

void Communicator::broadcast(int& value, int root) const {
  check_mpi(MPI_Bcast(&value, 1, MPI_INT, root, handle_), "MPI_Bcast");
}

void Communicator::broadcast(std::string& text, int root) const {
  int size = static_cast<int>(text.size());
  broadcast(size, root);
  text.resize(static_cast<std::size_t>(size));
  check_mpi(MPI_Bcast(text.data(), size, MPI_CHAR, root, handle_), "MPI_Bcast");
}

std::vector<std::string> Communicator::gather_hostnames(int root) const {
  std::string mine = processor_name();
  mine.resize(MPI_MAX_PROCESSOR_NAME, '\0');
  std::vector<char> all(rank_ == root ? mine.size() * static_cast<std::size_t>(size_) : 0);
  check_mpi(MPI_Gather(mine.data(), MPI_MAX_PROCESSOR_NAME, MPI_CHAR, all.data(), MPI_MAX_PROCESSOR_NAME,
                       MPI_CHAR, root, handle_),
            "MPI_Gather");
  std::vector<std::string> names;
  for (std::size_t offset = 0; offset < all.size(); offset += MPI_MAX_PROCESSOR_NAME)
    names.emplace_back(all.data() + offset, strnlen(all.data() + offset, MPI_MAX_PROCESSOR_NAME));
  return names;
}

void Communicator::abort(int exit_code) const {
  MPI_Abort(handle_, exit_code);
  std::_Exit(exit_code);  // MPI_Abort does not return; this keeps [[noreturn]] honest if it did
}

std::string processor_name() {
  char name[MPI_MAX_PROCESSOR_NAME];
  int length = 0;
  check_mpi(MPI_Get_processor_name(name, &length), "MPI_Get_processor_name");
  return std::string(name, length);
}

}  // namespace vmsweep::dist
