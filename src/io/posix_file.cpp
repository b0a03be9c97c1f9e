#include "posix_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

int FileDescriptor::close() { return ::close(std::exchange(fd_, -1)); }

void fail_on_file(const std::filesystem::path& file, const std::string& action, int error) {
  std::string message = file.string() + ": cannot " + action + ": " + std::strerror(error);
  if (error == EACCES || error == EPERM || error == EROFS || error == ENOENT || error == ENOTDIR)
    throw InputError(message);
  throw Error(message);
}

void write_all(int fd, const void* data, std::size_t size, const std::filesystem::path& file) {
  const char* bytes = static_cast<const char*>(data);
  std::size_t done = 0;
  while (done < size) {
    ssize_t written = ::write(fd, bytes + done, size - done);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) fail_on_file(file, "write the file", errno);
    done += static_cast<std::size_t>(written);
  }
}

void sync_folder(const std::filesystem::path& folder, const std::filesystem::path& file) {
  FileDescriptor dir(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) fail_on_file(file, "open its folder to sync the new entry", errno);
  if (::fsync(dir.get()) != 0 && errno != EINVAL) fail_on_file(file, "sync its folder", errno);
}

}  // namespace vmsweep::io
