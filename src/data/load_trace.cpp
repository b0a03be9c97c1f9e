#include "vmsweep/data/load_trace.hpp"

#include <algorithm>
#include <string>

#include "clean.hpp"
#include "data_fields.hpp"
#include "fill.hpp"
#include "history.hpp"
#include "resample.hpp"
#include "scaled_inputs.hpp"
#include "trace_reader.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/short_number.hpp"
#include "vmsweep/data/timestamps.hpp"

namespace vmsweep::data {

namespace {

// Inserting more steps than this many times the rows read means the interval is wrong, not the data.
constexpr std::size_t kMaxInsertedPerRow = 100;
// Resampling to fewer steps than this is always allowed (16 MB), whatever the rows.
constexpr double kResampledStepsAllowed = 1e6;

// Resampling makes every bin from the first row to the last (and history_freq every sub-bin): a
// timestamp in the wrong unit spans millennia, which would be billions of steps. Counted in doubles,
// as int64 differences of such timestamps can overflow.
void check_resampled_steps(const Series& series, const DataSpec& spec, const TraceReport& report) {
  if (!spec.resample.enabled() || series.size() == 0) return;
  const double span_ms = static_cast<double>(series.timestamps_ms.back()) - static_cast<double>(series.timestamps_ms.front());
  const double bins = span_ms / static_cast<double>(spec.resample.period_ms) + 1;
  const double steps = bins * static_cast<double>(std::max<std::size_t>(1, spec.sub_steps()));
  const double allowed = std::max(kResampledStepsAllowed, static_cast<double>(kMaxInsertedPerRow * report.rows));
  if (steps <= allowed) return;
  throw InputError(report.file + ": its timestamps span " + short_number(span_ms / kMillisPerDay) +
                   " days, which resampled to " + spec.resample.freq_text + " would be " + short_number(steps) +
                   " steps for " + std::to_string(report.rows) + " rows; check the timestamps and timestamp_unit");
}

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

LoadedTrace load_regular_trace(const DataSpec& spec) {
  if (spec.path.empty()) throw InputError("data: 'path' (the trace file) is missing");
  LoadedTrace trace;
  TraceReport& report = trace.report;
  Series series = read_trace(spec, report);
  clean(series, spec, report);
  check_resampled_steps(series, spec, report);
  if (spec.history.enabled()) trace.history = sub_step_history(series, spec, report.interval_ms);
  make_regular(series, spec, report);
  fill_missing(series, spec.missing, report);
  report.steps = series.size();
  trace.step_ms = spec.resample.enabled() ? spec.resample.period_ms : report.interval_ms;
  trace.timestamps_ms = std::move(series.timestamps_ms);
  trace.values = std::move(series.values);
  return trace;
}

LoadedTrace load_trace(const DataSpec& spec) {
  LoadedTrace trace = load_regular_trace(spec);
  trace.season_lags = lag_steps(spec.season_lags, trace.step_ms);
  return trace;
}

std::vector<float> last_window(const LoadedTrace& trace, int look_back, const Scaler& series, const Scaler& history) {
  const std::size_t steps = input_history(static_cast<std::size_t>(look_back), trace.season_lags);
  if (trace.values.size() < steps)
    throw InputError(trace.report.file + ": " + std::to_string(trace.values.size()) + " steps after loading (" +
                     format_period(trace.step_ms) + " each), fewer than the model's look_back of " +
                     std::to_string(look_back) + (trace.season_lags.empty() ? "" : " with its season lags (" + std::to_string(steps) + " steps)"));
  // The rows of the last `steps` steps (the earlier ones only feed the lag channels), then the last look_back.
  const std::size_t first = trace.values.size() - steps;
  std::vector<float> scaled;
  for (std::size_t t = first; t < trace.values.size(); ++t) scaled.push_back(series.apply(trace.values[t]));
  const std::size_t per_step = trace.history.per_step;
  const std::span<const double> sub(trace.history.values.data() + first * per_step, steps * per_step);
  std::vector<float> rows = input_rows(scaled, {sub, per_step, history}, trace.season_lags);
  const std::size_t channels = rows.size() / steps;
  rows.erase(rows.begin(), rows.end() - static_cast<std::ptrdiff_t>(look_back) * static_cast<std::ptrdiff_t>(channels));
  return rows;
}

}  // namespace vmsweep::data
