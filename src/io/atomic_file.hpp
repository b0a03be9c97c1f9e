#pragma once
// Writing an HDF5 file so that it appears complete or not at all: it is created under a
// temporary name in the destination folder, filled, closed (which flushes it) and renamed over
// the final name. rename() within one folder is atomic on POSIX, so a reader (or a resume after
// kill -9) sees either the old state or the finished file, never a half-written one.
#include <filesystem>
#include <functional>
#include <string>

#include "h5_error.hpp"

namespace vmsweep::io::h5 {

// "<name>.tmp-<host>-<pid>-<thread>": unique per writer, and never ending in .h5 so listings skip it.
bool is_temporary_name(const std::string& file_name);

// Calls fill(file, where) on a new temporary file, then renames it to `final_path`. On any
// failure the temporary file is removed and the exception passes on.
void write_atomically(const std::filesystem::path& final_path,
                      const std::function<void(hid_t file, const Where& where)>& fill);

}  // namespace vmsweep::io::h5
