#include "atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include "h5_image.hpp"
#include "posix_file.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/pause_point.hpp"

namespace vmsweep::io::h5 {

namespace {

constexpr const char* temporary_marker = ".tmp-";

std::string host_name() {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  return name;
}

// Host, process and thread: shards of one sweep on different nodes share the results folder,
// and their process ids can coincide.
std::filesystem::path temporary_path_for(const std::filesystem::path& final_path) {
  std::string name = final_path.filename().string() + temporary_marker + host_name() + "-" +
                     std::to_string(getpid()) + "-" +
                     std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  return final_path.parent_path() / name;
}

void write_durably(const std::filesystem::path& temporary, const std::filesystem::path& final_path,
                   const FileImage& bytes) {
  FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (file.get() < 0) fail_on_file(final_path, "create the file", errno);
  write_all(file.get(), bytes.data(), bytes.size(), final_path);
  if (::fsync(file.get()) != 0) fail_on_file(final_path, "write the file to disk (fsync)", errno);
  if (file.close() != 0) fail_on_file(final_path, "close the file", errno);
}

void move_into_place(const std::filesystem::path& temporary, const std::filesystem::path& final_path) {
  if (::rename(temporary.c_str(), final_path.c_str()) != 0) fail_on_file(final_path, "move the finished file into place", errno);
}

}  // namespace

bool is_temporary_name(const std::string& file_name) {
  return file_name.find(temporary_marker) != std::string::npos;
}

void write_atomically(const std::filesystem::path& final_path, const char* pause_name,
                      const std::function<void(hid_t file, const Where& where)>& fill) {
  std::filesystem::path temporary = temporary_path_for(final_path);
  // Messages name the final file: that is the one the user knows about.
  FileImage image = build_file_image(temporary.string(), Where(final_path.string()), fill);
  try {
    write_durably(temporary, final_path, image);
    pause_point(pause_name);
    move_into_place(temporary, final_path);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  // The rename is only durable once the folder's entry is on disk too.
  sync_folder(final_path.parent_path(), final_path);
}

}  // namespace vmsweep::io::h5
