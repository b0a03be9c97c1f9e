#include "vmsweep/data/prepare.hpp"

#include <algorithm>
#include <cmath>

#include "data_fields.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/load_trace.hpp"
#include "vmsweep/data/trace_cache.hpp"
#include "vmsweep/data/timestamps.hpp"

namespace vmsweep::data {

namespace {

void check_windows(const WindowSpec& windows) {
  if (windows.look_back < 1) throw InputError("look_back must be at least 1, got " + std::to_string(windows.look_back));
  if (windows.horizon < 1) throw InputError("horizon must be at least 1, got " + std::to_string(windows.horizon));
  if (windows.stride < 1) throw InputError("stride must be at least 1, got " + std::to_string(windows.stride));
}

// The seasonal-naive period in steps of the prepared series; by default one day, or one week when
// the series is daily or coarser (a one-step season would just repeat persistence).
std::size_t season_steps(const SeasonSpec& season, std::int64_t step_ms) {
  if (season.steps > 0) return static_cast<std::size_t>(season.steps);
  std::int64_t period = season.period_ms;
  if (period == 0) period = step_ms < kMillisPerDay ? kMillisPerDay : 7 * kMillisPerDay;
  if (step_ms <= 0) return 1;
  return static_cast<std::size_t>(std::max<std::int64_t>(1, (period + step_ms / 2) / step_ms));
}

}  // namespace

PreparedData prepare(const DataSpec& spec, const WindowSpec& windows) {
  if (spec.path.empty()) throw InputError("data: 'path' (the trace file) is missing");
  check_windows(windows);
  const std::shared_ptr<const LoadedTrace> trace = rank_trace_cache().load(spec);
  // Copies: the cached trace stays as it is for the next trial.
  PreparedData data(trace->timestamps_ms, trace->values, trace->step_ms, windows, spec.split, spec.scale,
                    spec.scale_fit, trace->history, lag_steps(spec.season_lags, trace->step_ms));
  data.set_season_steps(season_steps(spec.season, trace->step_ms));
  data.set_report(trace->report);
  return data;
}

}  // namespace vmsweep::data
