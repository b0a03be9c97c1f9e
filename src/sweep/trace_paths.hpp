#pragma once
// data.path as a sweep file may give it: one file, a glob (`traces/*.csv`), a folder (every regular
// file in it that is not hidden) or a list of those -> the sweep's traces, sorted by id, each once.
#include <filesystem>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

// Relative paths and patterns are read beside the sweep file (a plain file or folder also in the
// working directory). InputError at the entry for a file that is missing, a pattern that matches
// nothing or an empty folder.
std::vector<Trace> resolve_traces(const Value& path, const std::filesystem::path& base_dir);

}  // namespace vmsweep::sweep
