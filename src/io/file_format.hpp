#pragma once
// Every vmsweep HDF5 file names its kind in the root attributes "format" and "format_version",
// so a reader given the wrong file says so plainly ("not a vmsweep checkpoint") instead of
// failing later on some missing dataset.
#include "h5_error.hpp"

namespace vmsweep::io {

struct FileFormat {
  const char* tag;          // the "format" attribute
  const char* description;  // for messages
};

inline constexpr FileFormat trial_file_format{"vmsweep-trial", "trial file"};
inline constexpr FileFormat results_file_format{"vmsweep-results", "results file"};
inline constexpr FileFormat stamp_file_format{"vmsweep-sweep-stamp", "sweep stamp"};
inline constexpr FileFormat checkpoint_file_format{"vmsweep-checkpoint", "checkpoint"};
inline constexpr FileFormat forecast_file_format{"vmsweep-forecast", "forecast"};
inline constexpr FileFormat tables_file_format{"vmsweep-tables", "tables file"};

// Writes format, format_version (1) and vmsweep_version on the file's root.
void write_format(hid_t file, const FileFormat& format, const h5::Where& where);
// InputError naming the file when it is of another kind.
void check_format(hid_t file, const FileFormat& format, const h5::Where& where);

}  // namespace vmsweep::io
