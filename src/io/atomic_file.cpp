#include "atomic_file.hpp"

#include <unistd.h>

#include <thread>

#include "h5_file.hpp"
#include "vmsweep/common/error.hpp"

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

void fill_and_close(const std::filesystem::path& temporary, const std::filesystem::path& final_path,
                    const std::function<void(hid_t, const Where&)>& fill) {
  // Messages name the final file: that is the one the user knows about.
  Where where(final_path.string());
  File file = create_file(temporary.string(), where);
  fill(file.get(), where);
  where.check_status(file.close(), "close the file");
}

}  // namespace

bool is_temporary_name(const std::string& file_name) {
  return file_name.find(temporary_marker) != std::string::npos;
}

void write_atomically(const std::filesystem::path& final_path,
                      const std::function<void(hid_t file, const Where& where)>& fill) {
  std::filesystem::path temporary = temporary_path_for(final_path);
  try {
    fill_and_close(temporary, final_path, fill);
    std::filesystem::rename(temporary, final_path);
  } catch (const std::filesystem::filesystem_error& error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw Error(final_path.string() + ": cannot move the finished file into place: " + error.code().message());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace vmsweep::io::h5
