#pragma once
// The finer-grained input history of a resampled series (`history_freq`): for every target step, the
// means of its sub-periods, to be fed to the model beside the target series itself.
#include "series.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/prepare.hpp"

namespace vmsweep::data {

// The spec.sub_steps() sub-period means of every step resample(cleaned, spec.resample) gives, in
// the same calendar-aligned bins; missing sub-steps (and those before the first or after the last
// sample) filled by spec.missing. InputError at the history_freq mark when history_freq is finer
// than the trace's interval.
SubStepHistory sub_step_history(const Series& cleaned, const DataSpec& spec, std::int64_t interval_ms);

}  // namespace vmsweep::data
