#pragma once
// SweepMeta as the attributes of a /sweep group, in the stamp and in the aggregate.
#include <string>

#include "file_format.hpp"
#include "h5_error.hpp"
#include "vmsweep/io/sweep_meta.hpp"

namespace vmsweep::io {

// Also writes the file's format attributes (file_format.hpp).
void write_sweep_meta(hid_t file, const FileFormat& format, const SweepMeta& meta, const h5::Where& where);
// InputError naming the file when it is not of `format`.
SweepMeta read_sweep_meta(hid_t file, const FileFormat& format, const h5::Where& where);

}  // namespace vmsweep::io
