#pragma once
// An HDF5 file built in memory (HDF5's core driver, no backing store) and handed back as the bytes
// it would have on disk. HDF5 then never writes to a file system itself: a full disk or a lost
// mount becomes one failed write() in vmsweep's own code, with a plain message, instead of an
// error inside HDF5's metadata cache (which crashed the library when it closed the file at exit).
#include <functional>
#include <string>
#include <vector>

#include "h5_error.hpp"
#include "h5_handle.hpp"

namespace vmsweep::io::h5 {

using FileImage = std::vector<unsigned char>;

// Calls fill(file, where) on a new in-memory file named `name` (unique among the files this
// process has open) and returns its image.
FileImage build_file_image(const std::string& name, const Where& where,
                           const std::function<void(hid_t file, const Where& where)>& fill);

// Opens an image (one build_file_image returned, read back from a trial log) read-only, in memory;
// `name` must be unique among the files this process has open. InputError when it is not HDF5.
File open_file_image(const FileImage& image, const std::string& name, const Where& where);

}  // namespace vmsweep::io::h5
