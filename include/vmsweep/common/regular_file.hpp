#pragma once
// Opening a directory, FIFO or device where a file is expected either fails with a misleading
// message or, for a FIFO, blocks until something writes to it. Checking first says what it is.
#include <filesystem>
#include <string>

namespace vmsweep {

// "a directory", "a FIFO", "a character device", ... for a file's stat mode; "a regular file" for one.
std::string file_kind(unsigned mode);
// The same for what is at `path` (links followed); "nothing" when there is nothing.
std::string file_kind(const std::filesystem::path& path);
// InputError "PATH: no such file" or "PATH: is a FIFO, not a WHAT" unless PATH is a regular file
// (or a link to one). `what` names what was expected, e.g. "sweep file".
void require_regular_file(const std::filesystem::path& path, const std::string& what);

}  // namespace vmsweep
