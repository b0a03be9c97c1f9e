#pragma once
// A Table as one compound dataset: a row per entry, a member per column, packed.
#include <string>

#include "h5_error.hpp"
#include "vmsweep/io/table.hpp"

namespace vmsweep::io::h5 {

// Creates dataset `name` under `parent` (replacing nothing: the name must be free).
void write_compound_table(hid_t parent, const std::string& name, const Table& table, const Where& where);
// Reads any one-dimensional compound dataset of integers, floats, enums and fixed-length strings.
Table read_compound_table(hid_t parent, const std::string& name, const Where& where);

}  // namespace vmsweep::io::h5
