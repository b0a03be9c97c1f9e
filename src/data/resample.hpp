#pragma once
// Resampling to a coarser frequency in calendar-aligned bins, the way pandas `resample` does.
#include "series.hpp"
#include "vmsweep/data/data_spec.hpp"

namespace vmsweep::data {

// Bins of spec.period_ms from midnight UTC of the first day (pandas origin='start_day'), labelled
// by their start; weekly periods run Monday to Sunday and are labelled by the Sunday, like pandas
// 'W' (W-SUN). Missing (NaN) values are skipped; a bin with no valid value is missing. Every bin
// from the first to the last is present. Bins are independent, so the result does not depend on
// the number of threads.
Series resample(const Series& series, const ResampleSpec& spec);

// The bins of resample(series, spec), each cut into period_ms / sub_period_ms sub-bins of equal length
// (sub_period_ms divides spec.period_ms) and aggregated with `mean`: bins x sub-bins values in time
// order, labelled by their start, NaN where a sub-bin has no valid value.
Series resample_sub_steps(const Series& series, const ResampleSpec& spec, std::int64_t sub_period_ms);

}  // namespace vmsweep::data
