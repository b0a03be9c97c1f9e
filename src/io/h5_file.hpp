#pragma once
// Opening and creating files and groups, with errors that name the file.
#include <string>

#include "h5_error.hpp"
#include "h5_handle.hpp"

namespace vmsweep::io::h5 {

// Attributes an object keeps in its header before HDF5 moves them to dense storage (a fractal heap
// and B-trees, 8 by default). A trial's metrics and settings are a few dozen scalars: kept compact
// they cost a trial file about a sixth less CPU (callgrind), and readers see no difference.
inline constexpr unsigned compact_attributes = 64;

// An existing file, read-only: vmsweep never changes a file in place (atomic_file.hpp writes new
// ones). InputError when it is missing or not HDF5.
File open_file(const std::string& path);

// `track_order` keeps the creation order of the group's attributes and links, so a reader sees
// metrics and tensors in the order they were written rather than sorted by name.
Group create_group(hid_t parent, const std::string& name, const Where& where, bool track_order = false);
Group open_group(hid_t parent, const std::string& name, const Where& where);
bool has_link(hid_t parent, const std::string& name);
// The object's path inside its file ("/trial/7"), for messages.
std::string object_path(hid_t object);

}  // namespace vmsweep::io::h5
