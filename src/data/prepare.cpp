#include "vmsweep/data/prepare.hpp"

#include <algorithm>
#include <cmath>

#include "clean.hpp"
#include "fill.hpp"
#include "history.hpp"
#include "resample.hpp"
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

void check_windows(const WindowSpec& windows) {
  if (windows.look_back < 1) throw InputError("look_back must be at least 1, got " + std::to_string(windows.look_back));
  if (windows.horizon < 1) throw InputError("horizon must be at least 1, got " + std::to_string(windows.horizon));
  if (windows.stride < 1) throw InputError("stride must be at least 1, got " + std::to_string(windows.stride));
}

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
  check_windows(windows);
  TraceReport report;
  Series series = read_trace(spec, report);
  clean(series, spec, report);
  check_resampled_steps(series, spec, report);
  SubStepHistory history;
  if (spec.history.enabled()) history = sub_step_history(series, spec, report.interval_ms);
  make_regular(series, spec, report);
  fill_missing(series, spec.missing, report);
  report.steps = series.size();
  const std::int64_t step_ms = spec.resample.enabled() ? spec.resample.period_ms : report.interval_ms;
  PreparedData data(std::move(series.timestamps_ms), std::move(series.values), step_ms, windows, spec.split,
                    spec.scale, spec.scale_fit, std::move(history));
  data.set_season_steps(season_steps(spec.season, step_ms));
  data.set_report(std::move(report));
  return data;
}

}  // namespace vmsweep::data
