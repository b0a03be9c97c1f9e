#pragma once
// Cleaning a trace as read: time order, duplicates, invalid values, the nominal interval and its gaps.
#include "series.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/trace_report.hpp"

namespace vmsweep::data {

// Sorts by time (stably, so rows with equal timestamps stay in file order), keeps the last row of
// each timestamp, marks values below spec.invalid_below as missing (NaN), takes the interval from
// the spec or detects it (the most common spacing among the first rows), and counts the gaps
// (places where at least one whole interval is missing). Fills those fields of `report`.
void clean(Series& series, const DataSpec& spec, TraceReport& report);

// Steps missing between two timestamps `gap` apart on a grid of `interval` (rounded, so jitter of
// less than half an interval is not a gap).
inline std::int64_t missing_between(std::int64_t gap, std::int64_t interval) {
  return interval > 0 ? (gap + interval / 2) / interval - 1 : 0;
}

}  // namespace vmsweep::data
