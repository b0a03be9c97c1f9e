#pragma once
// The few POSIX calls vmsweep's durable writes are made of (atomic_file, trial_log), with errors
// that name the file the user knows about.
#include <filesystem>
#include <string>
#include <utility>

namespace vmsweep::io {

// Closes on scope exit; close() reports the error a delayed write (NFS) may only show there.
class FileDescriptor {
public:
  explicit FileDescriptor(int fd = -1) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor();
  int get() const { return fd_; }
  int close();

private:
  int fd_;
};

// Throws for a failed `action` ("write the file") on `file`: InputError for what the user can fix
// by pointing --results elsewhere (no permission, read-only, missing folder), Error otherwise.
[[noreturn]] void fail_on_file(const std::filesystem::path& file, const std::string& action, int error);

// Writes all `size` bytes, resuming after EINTR and short writes.
void write_all(int fd, const void* data, std::size_t size, const std::filesystem::path& file);

// Makes `folder`'s entries (a rename, a new file) durable. File systems that cannot sync a folder
// (some network ones) refuse with EINVAL; the change itself has happened then.
void sync_folder(const std::filesystem::path& folder, const std::filesystem::path& file);

}  // namespace vmsweep::io
