#include "clean.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

// Enough rows to see the usual spacing, few enough to keep detection instant on huge files.
constexpr std::size_t kIntervalSample = 65536;

bool sort_by_time(Series& series) {
  auto& times = series.timestamps_ms;
  if (std::is_sorted(times.begin(), times.end())) return true;
  std::vector<std::size_t> order(series.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
  Series sorted;
  sorted.timestamps_ms.reserve(order.size());
  sorted.values.reserve(order.size());
  for (std::size_t i : order) {
    sorted.timestamps_ms.push_back(times[i]);
    sorted.values.push_back(series.values[i]);
  }
  series = std::move(sorted);
  return false;
}

// Keeps the last row of each run of equal timestamps; returns how many were dropped.
std::size_t drop_duplicates(Series& series) {
  auto& times = series.timestamps_ms;
  auto& values = series.values;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (i + 1 < times.size() && times[i + 1] == times[i]) continue;
    times[kept] = times[i];
    values[kept++] = values[i];
  }
  std::size_t dropped = times.size() - kept;
  times.resize(kept);
  values.resize(kept);
  return dropped;
}

std::size_t mark_invalid(Series& series, std::optional<double> below) {
  if (!below) return 0;
  std::size_t count = 0;
  for (double& value : series.values) {
    if (value < *below) {
      value = std::nan("");
      ++count;
    }
  }
  return count;
}

std::int64_t detect_interval(const Series& series) {
  std::map<std::int64_t, std::size_t> spacing_counts;
  const std::size_t end = std::min(series.size(), kIntervalSample + 1);
  for (std::size_t i = 1; i < end; ++i) ++spacing_counts[series.timestamps_ms[i] - series.timestamps_ms[i - 1]];
  auto most = std::max_element(spacing_counts.begin(), spacing_counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return most == spacing_counts.end() ? 0 : most->first;
}

void count_gaps(const Series& series, std::int64_t interval, TraceReport& report) {
  const auto& times = series.timestamps_ms;
  for (std::size_t i = 1; i < times.size(); ++i) {
    std::int64_t missing = missing_between(times[i] - times[i - 1], interval);
    if (missing > 0) {
      ++report.gaps;
      report.missing_steps += static_cast<std::size_t>(missing);
    }
  }
}

void summarize(const Series& series, TraceReport& report) {
  double sum = 0, low = INFINITY, high = -INFINITY;
  std::size_t count = 0;
  for (double value : series.values) {
    if (std::isnan(value)) continue;
    sum += value;
    low = std::min(low, value);
    high = std::max(high, value);
    ++count;
  }
  if (count == 0) throw InputError(report.file + ": no valid values (every value is below invalid_below)");
  report.min = low;
  report.max = high;
  report.mean = sum / static_cast<double>(count);
}

}  // namespace

void clean(Series& series, const DataSpec& spec, TraceReport& report) {
  report.was_sorted = sort_by_time(series);
  report.duplicates = drop_duplicates(series);
  report.negative = static_cast<std::size_t>(
      std::count_if(series.values.begin(), series.values.end(), [](double v) { return v < 0; }));
  report.invalid = mark_invalid(series, spec.invalid_below);
  report.first_ms = series.timestamps_ms.front();
  report.last_ms = series.timestamps_ms.back();
  report.interval_detected = spec.interval_ms == 0;
  report.interval_ms = report.interval_detected ? detect_interval(series) : spec.interval_ms;
  count_gaps(series, report.interval_ms, report);
  summarize(series, report);
}

}  // namespace vmsweep::data
