#pragma once
// Writing a file so that it appears complete or not at all: the HDF5 file is built in memory,
// written under a temporary name in the destination folder, fsync'ed, renamed over the final name,
// and the folder is fsync'ed. rename() within one folder is atomic on POSIX, so a reader (or a
// resume after kill -9 or a power cut) sees either the old state or the finished file, never a
// half-written one; and an existing file is never opened for writing.
#include <filesystem>
#include <functional>
#include <string>

#include "h5_error.hpp"

namespace vmsweep::io::h5 {

// "<name>.tmp-<host>-<pid>-<thread>": unique per writer, and never ending in .h5 so listings skip it.
bool is_temporary_name(const std::string& file_name);

// Calls fill(file, where) on a new in-memory HDF5 file, then writes it to `final_path` as above.
// `pause_name` is the developer pause point (common/pause_point.hpp) passed when the temporary file
// is complete, before the rename. On any failure the temporary file is removed and an exception
// naming `final_path` passes on: InputError when the folder cannot be written (a wrong --results),
// Error otherwise (e.g. "No space left on device").
void write_atomically(const std::filesystem::path& final_path, const char* pause_name,
                      const std::function<void(hid_t file, const Where& where)>& fill);

}  // namespace vmsweep::io::h5
