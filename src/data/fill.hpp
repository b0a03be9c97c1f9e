#pragma once
// Making a series regular: inserting the steps a gap lacks, then filling or dropping missing values.
#include "series.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/trace_report.hpp"

namespace vmsweep::data {

// Inserts a missing (NaN) step at each whole interval inside every gap.
void insert_missing_steps(Series& series, std::int64_t interval_ms);

// Fills the NaN entries of `values` in place: ffill carries the last valid value forward, linear
// interpolates between the valid neighbours; both fill leading missing entries with the first valid
// value and trailing ones with the last. `method` must not be none. Returns false when no value is valid.
bool fill_gaps(std::vector<double>& values, FillMethod method);

// ffill carries the last valid value forward, linear interpolates between the valid neighbours
// (both fill leading missing steps with the first valid value), none drops missing steps.
// Counts into report.filled / report.dropped; InputError when nothing valid is left.
void fill_missing(Series& series, FillMethod method, TraceReport& report);

}  // namespace vmsweep::data
