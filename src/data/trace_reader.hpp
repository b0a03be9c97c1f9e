#pragma once
// Reading a delimited trace into time and value arrays, in parallel chunks cut at line boundaries.
#include "series.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/trace_report.hpp"

namespace vmsweep::data {

// Rows in file order, timestamps in Unix-epoch milliseconds (row * interval without a timestamp
// column). Fills the file, column and row fields of `report`. InputError (file:line:column) for a
// field that does not parse, a missing column, or NaN / infinity in the values.
Series read_trace(const DataSpec& spec, TraceReport& report);

}  // namespace vmsweep::data
