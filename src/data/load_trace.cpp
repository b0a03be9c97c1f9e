#include "vmsweep/data/load_trace.hpp"

#include <algorithm>
#include <string>

#include "clean.hpp"
#include "fill.hpp"
#include "history.hpp"
#include "resample.hpp"
#include "scaled_inputs.hpp"
#include "trace_reader.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

// Inserting more steps than this many times the rows read means the interval is wrong, not the data.
constexpr std::size_t kMaxInsertedPerRow = 100;

void make_regular(Series& series, const DataSpec& spec, TraceReport& report) {
  if (spec.resample.enabled()) {
    series = resample(series, spec.resample);
    return;
  }
  if (spec.missing == FillMethod::none || report.missing_steps == 0) return;
  if (report.missing_steps > kMaxInsertedPerRow * report.rows)
    throw InputError(report.file + ": the gaps would need " + std::to_string(report.missing_steps) +
                     " inserted steps at an interval of " + format_period(report.interval_ms) +
                     "; give the right 'interval' or resample");
  insert_missing_steps(series, report.interval_ms);
}

}  // namespace

LoadedTrace load_trace(const DataSpec& spec) {
  if (spec.path.empty()) throw InputError("data: 'path' (the trace file) is missing");
  LoadedTrace trace;
  TraceReport& report = trace.report;
  Series series = read_trace(spec, report);
  clean(series, spec, report);
  if (spec.history.enabled()) trace.history = sub_step_history(series, spec, report.interval_ms);
  make_regular(series, spec, report);
  fill_missing(series, spec.missing, report);
  report.steps = series.size();
  trace.step_ms = spec.resample.enabled() ? spec.resample.period_ms : report.interval_ms;
  trace.timestamps_ms = std::move(series.timestamps_ms);
  trace.values = std::move(series.values);
  return trace;
}

std::vector<float> last_window(const LoadedTrace& trace, int look_back, const Scaler& series, const Scaler& history) {
  const std::size_t steps = static_cast<std::size_t>(look_back);
  if (trace.values.size() < steps)
    throw InputError(trace.report.file + ": " + std::to_string(trace.values.size()) + " steps after loading (" +
                     format_period(trace.step_ms) + " each), fewer than the model's look_back of " +
                     std::to_string(look_back));
  const std::size_t first = trace.values.size() - steps;
  std::vector<float> scaled;
  for (std::size_t t = first; t < trace.values.size(); ++t) scaled.push_back(series.apply(trace.values[t]));
  if (trace.history.per_step == 0) return scaled;
  const std::size_t per_step = trace.history.per_step;
  const std::span<const double> sub(trace.history.values.data() + first * per_step, steps * per_step);
  return interleave(scaled, sub, per_step, history);
}

}  // namespace vmsweep::data
