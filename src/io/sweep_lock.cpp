#include "vmsweep/io/sweep_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <utility>

#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

namespace {

constexpr const char* lock_name = "lock";
constexpr const char* shard_lock_prefix = "lock.shard-";

enum class Outcome { taken, held, unsupported };

std::filesystem::path shard_lock_file(const ResultsLayout& layout, int index, int count) {
  return layout.sweep_dir() / (std::string(shard_lock_prefix) + std::to_string(index) + "-of-" + std::to_string(count));
}

int open_lock_file(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    int error = errno;
    std::string message = file.string() + ": cannot open the lock file: " + std::strerror(error);
    if (error == EACCES || error == EPERM || error == EROFS || error == ENOENT || error == ENOTDIR)
      throw InputError(message);
    throw Error(message);
  }
  return fd;
}

// Errors of file systems that cannot lock at all, as opposed to a lock that someone holds.
bool cannot_lock(int error) {
  return error == ENOLCK || error == EOPNOTSUPP || error == ENOSYS || error == EINVAL;
}

Outcome try_lock(int fd, int kind, const std::filesystem::path& file) {
  if (::flock(fd, kind | LOCK_NB) == 0) return Outcome::taken;
  if (errno == EWOULDBLOCK) return Outcome::held;
  if (cannot_lock(errno)) return Outcome::unsupported;
  throw Error(file.string() + ": cannot lock: " + std::strerror(errno));
}

// The holder's name is a courtesy for the message of a refused run; the flock is what matters, so
// a failure to write it is ignored.
void write_holder(int fd) {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  std::string holder = "host " + std::string(host) + ", pid " + std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0) return;
  [[maybe_unused]] ssize_t written = ::pwrite(fd, holder.data(), holder.size(), 0);
}

std::string holder_in(const std::filesystem::path& file) {
  std::string line;
  std::getline(std::ifstream(file), line);
  return line.empty() ? "host and pid not written yet" : line;
}

// The shard run that holds its shard lock, if any: what keeps a whole run out.
std::optional<std::string> running_shard(const ResultsLayout& layout) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(layout.sweep_dir(), error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(shard_lock_prefix)) continue;
    int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    if (held) return "shard " + name.substr(std::strlen(shard_lock_prefix)) + ": " + holder_in(entry.path());
  }
  return std::nullopt;
}

[[noreturn]] void refuse(const ResultsLayout& layout, const std::string& holder) {
  throw InputError(layout.sweep_dir().string() + " is in use by another vmsweep run (" + holder +
                   "); wait until it ends or stop it: two runs on one folder would train the same trials");
}

std::string unsupported_warning(const std::filesystem::path& file) {
  return file.string() + ": this file system does not support locks (flock: " + std::strerror(errno) +
         "); nothing stops a second run on this folder (docs/reliability.md)";
}

}  // namespace

SweepLock SweepLock::whole(const ResultsLayout& layout) {
  SweepLock lock;
  const std::filesystem::path file = layout.sweep_dir() / lock_name;
  lock.sweep_fd_ = open_lock_file(file);
  switch (try_lock(lock.sweep_fd_, LOCK_EX, file)) {
    case Outcome::taken: write_holder(lock.sweep_fd_); break;
    case Outcome::held: refuse(layout, running_shard(layout).value_or(holder_in(file)));
    case Outcome::unsupported: lock.warning_ = unsupported_warning(file); break;
  }
  return lock;
}

SweepLock SweepLock::shard(const ResultsLayout& layout, int index, int count) {
  SweepLock lock;
  const std::filesystem::path file = layout.sweep_dir() / lock_name;
  lock.sweep_fd_ = open_lock_file(file);
  switch (try_lock(lock.sweep_fd_, LOCK_SH, file)) {
    case Outcome::taken: break;
    case Outcome::held: refuse(layout, holder_in(file));
    case Outcome::unsupported: lock.warning_ = unsupported_warning(file); return lock;
  }
  const std::filesystem::path mine = shard_lock_file(layout, index, count);
  lock.shard_fd_ = open_lock_file(mine);
  if (try_lock(lock.shard_fd_, LOCK_EX, mine) == Outcome::held)
    refuse(layout, "shard " + std::to_string(index) + "-of-" + std::to_string(count) + ": " + holder_in(mine));
  write_holder(lock.shard_fd_);
  return lock;
}

SweepLock::SweepLock(SweepLock&& other) noexcept
    : sweep_fd_(std::exchange(other.sweep_fd_, -1)), shard_fd_(std::exchange(other.shard_fd_, -1)),
      warning_(std::move(other.warning_)) {}

SweepLock& SweepLock::operator=(SweepLock&& other) noexcept {
  if (this != &other) {
    release();
    sweep_fd_ = std::exchange(other.sweep_fd_, -1);
    shard_fd_ = std::exchange(other.shard_fd_, -1);
    warning_ = std::move(other.warning_);
  }
  return *this;
}

SweepLock::~SweepLock() { release(); }

// Closing the descriptor releases its flock.
void SweepLock::release() noexcept {
  if (shard_fd_ >= 0) ::close(std::exchange(shard_fd_, -1));
  if (sweep_fd_ >= 0) ::close(std::exchange(sweep_fd_, -1));
}

}  // namespace vmsweep::io
