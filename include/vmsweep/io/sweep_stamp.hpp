#pragma once
// The sweep stamp, results/<name>/sweep.h5: written once when a sweep starts, before any
// training, so that
//   - an unwritable results directory is reported before work is lost, and
//   - a rerun (resume) can compare the stored sweep-file hash with the file it was given and
//     refuse a changed sweep.
// It is never opened for writing: a forced resume of a changed sweep file replaces it whole.
#include <optional>
#include <string>

#include "vmsweep/io/results_layout.hpp"
#include "vmsweep/io/sweep_meta.hpp"

namespace vmsweep::io {

// Creates results/<name>/ and trials/ and writes the stamp (temporary name, then rename).
// InputError naming the path when the folder cannot be created or written.
void write_sweep_stamp(const ResultsLayout& layout, const SweepMeta& meta);
// nullopt when there is no stamp; InputError when it exists but cannot be read.
std::optional<SweepMeta> read_sweep_stamp(const ResultsLayout& layout);
// The hash of the sweep these results belong to: from the stamp, else from results/<name>.h5;
// nullopt when neither exists (a fresh sweep).
std::optional<std::string> stored_sweep_hash(const ResultsLayout& layout);

}  // namespace vmsweep::io
