#pragma once
// SweepMeta as the attributes of a /sweep group (in the stamp and in the aggregate), plus the
// file-level "format" attribute that tells vmsweep's files apart.
#include <string>

#include "h5_error.hpp"
#include "vmsweep/io/sweep_meta.hpp"

namespace vmsweep::io {

inline constexpr const char* stamp_format = "vmsweep-sweep-stamp";
inline constexpr const char* results_format = "vmsweep-results";

void write_sweep_meta(hid_t file, const std::string& format, const SweepMeta& meta, const h5::Where& where);
// InputError naming the file when its format attribute is not `format`.
SweepMeta read_sweep_meta(hid_t file, const std::string& format, const h5::Where& where);

}  // namespace vmsweep::io
