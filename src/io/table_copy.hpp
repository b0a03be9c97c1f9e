#pragma once
// Carrying the extra tables (/tables) of one file into another: from results/<name>/baselines.h5
// into the aggregate.
#include <filesystem>

#include "h5_error.hpp"

namespace vmsweep::io {

// Copies /tables of `source` into `destination` (which must not have /tables yet); does nothing
// when `source` does not exist or has no tables.
void copy_tables(const std::filesystem::path& source, hid_t destination, const h5::Where& where);

}  // namespace vmsweep::io
