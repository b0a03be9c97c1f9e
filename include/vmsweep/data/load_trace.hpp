#pragma once
// The first half of every trial's data path, shared with `vmsweep predict`: the trace read, cleaned,
// made regular (resampled or gaps inserted) and filled, with its sub-step history, before any split,
// scaler or window. A newer copy of the same trace loads the same steps, plus the new ones.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/scaler.hpp"
#include "vmsweep/data/trace_report.hpp"

namespace vmsweep::data {

struct LoadedTrace {
  std::vector<std::int64_t> timestamps_ms;  // Unix epoch ms, one per step
  std::vector<double> values;               // original units
  SubStepHistory history;                   // per_step 0 without history_freq
  std::vector<std::size_t> season_lags;     // in steps (season_lags); empty: none
  std::int64_t step_ms = 0;                 // spacing of the steps
  TraceReport report;
};

// Load -> clean -> (sub-step history) -> resample or insert missing steps -> fill. Runs TBB work in
// the caller's arena. InputError for a missing path, file or column and for bad values.
LoadedTrace load_trace(const DataSpec& spec);
// The same without the season lags (they depend on nothing but the step): what a rank's trace cache
// keeps (trace_cache.hpp), as the one part of a trial's data that does not depend on the trial.
LoadedTrace load_regular_trace(const DataSpec& spec);

// The model's input for the window that ends with the trace's last step: look_back steps x
// (1 + history.per_step + season lags) channels, time-major, scaled as the trials scale them
// (channel 0 and the lags by `series`, the sub-steps by `history`). InputError when the trace has
// fewer steps than the window and its season lags reach back.
std::vector<float> last_window(const LoadedTrace& trace, int look_back, const Scaler& series, const Scaler& history);

}  // namespace vmsweep::data
