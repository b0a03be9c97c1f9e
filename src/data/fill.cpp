#include "fill.hpp"

#include <algorithm>
#include <cmath>

#include "clean.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

std::size_t first_valid(const std::vector<double>& values) {
  auto found = std::find_if(values.begin(), values.end(), [](double v) { return !std::isnan(v); });
  return static_cast<std::size_t>(found - values.begin());
}

void forward_fill(std::vector<double>& values, std::size_t first) {
  std::fill(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(first), values[first]);
  for (std::size_t i = first + 1; i < values.size(); ++i)
    if (std::isnan(values[i])) values[i] = values[i - 1];
}

// Fills values[gap_first, next) on the straight line from values[gap_first - 1] to values[next].
void interpolate_run(std::vector<double>& values, std::size_t gap_first, std::size_t next) {
  const double from = values[gap_first - 1];
  const double span = static_cast<double>(next - gap_first + 1);
  for (std::size_t i = gap_first; i < next; ++i)
    values[i] = from + (values[next] - from) * (static_cast<double>(i - gap_first + 1) / span);
}

void linear_fill(std::vector<double>& values, std::size_t first) {
  std::fill(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(first), values[first]);
  for (std::size_t i = first + 1; i < values.size(); ++i) {
    if (!std::isnan(values[i])) continue;
    std::size_t next = i;
    while (next < values.size() && std::isnan(values[next])) ++next;
    if (next == values.size()) {
      std::fill(values.begin() + static_cast<std::ptrdiff_t>(i), values.end(), values[i - 1]);
      return;
    }
    interpolate_run(values, i, next);
    i = next;
  }
}

std::size_t drop_missing(Series& series) {
  return keep_rows(series, [&](std::size_t i) { return !std::isnan(series.values[i]); });
}

}  // namespace

void insert_missing_steps(Series& series, std::int64_t interval_ms) {
  Series regular;
  regular.timestamps_ms.reserve(series.size());
  regular.values.reserve(series.size());
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (i > 0) {
      const std::int64_t missing = missing_between(series.timestamps_ms[i] - series.timestamps_ms[i - 1], interval_ms);
      for (std::int64_t k = 1; k <= missing; ++k) {
        regular.timestamps_ms.push_back(series.timestamps_ms[i - 1] + k * interval_ms);
        regular.values.push_back(std::nan(""));
      }
    }
    regular.timestamps_ms.push_back(series.timestamps_ms[i]);
    regular.values.push_back(series.values[i]);
  }
  series = std::move(regular);
}

bool fill_gaps(std::vector<double>& values, FillMethod method) {
  const std::size_t first = first_valid(values);
  if (first == values.size()) return false;
  if (method == FillMethod::linear) linear_fill(values, first); else forward_fill(values, first);
  return true;
}

void fill_missing(Series& series, FillMethod method, TraceReport& report) {
  auto& values = series.values;
  if (first_valid(values) == values.size()) throw InputError(report.file + ": no valid values left after cleaning");
  const auto missing = static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }));
  if (method == FillMethod::none) {
    report.dropped = drop_missing(series);
    return;
  }
  fill_gaps(values, method);
  report.filled = missing;
}

}  // namespace vmsweep::data
