#include "vmsweep/common/regular_file.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "vmsweep/common/error.hpp"

namespace vmsweep {

std::string file_kind(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFSOCK: return "a socket";
    default: return "not a regular file";
  }
}

std::string file_kind(const std::filesystem::path& path) {
  struct stat status {};
  return ::stat(path.c_str(), &status) == 0 ? file_kind(status.st_mode) : "nothing";
}

void require_regular_file(const std::filesystem::path& path, const std::string& what) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0)
    throw InputError(path.string() + ": " + (errno == ENOENT ? std::string("no such file") : std::strerror(errno)));
  if (!S_ISREG(status.st_mode)) throw InputError(path.string() + ": is " + file_kind(status.st_mode) + ", not a " + what);
}

}  // namespace vmsweep
