#pragma once
// A trained model in one HDF5 file: parameters, scaler, best epoch and every weight tensor
// (float32, bitwise as trained). Written to a temporary name and renamed, like trial files.
#include <filesystem>

#include "vmsweep/record/checkpoint.hpp"

namespace vmsweep::io {

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint);
// InputError when the file is missing, not HDF5 or not a vmsweep checkpoint.
Checkpoint read_checkpoint(const std::filesystem::path& path);

}  // namespace vmsweep::io
