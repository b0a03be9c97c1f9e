#include "clean.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

// Enough rows to see the usual spacing, few enough to keep detection instant on huge files.
constexpr std::size_t kIntervalSample = 65536;
// Fixed blocks for the deterministic reductions: the sums come out the same on any thread count.
constexpr std::size_t kScanGrain = 1 << 16;

using Range = tbb::blocked_range<std::size_t>;

// Reduces `body(range, partial)` over [0, size) with a split and join order that does not depend
// on the number of threads (tbb::parallel_deterministic_reduce), so floating-point sums repeat.
template <typename Partial, typename Body>
Partial deterministic_reduce(std::size_t size, Body body) {
  return tbb::parallel_deterministic_reduce(
      Range(0, size, kScanGrain), Partial{},
      [&](const Range& range, Partial partial) {
        body(range, partial);
        return partial;
      },
      [](Partial a, const Partial& b) {
        a.join(b);
        return a;
      },
      tbb::simple_partitioner());
}

struct OrderScan {
  std::size_t descending = 0;  // neighbours out of time order
  std::size_t equal = 0;       // neighbours with the same timestamp
  void join(const OrderScan& other) {
    descending += other.descending;
    equal += other.equal;
  }
};

OrderScan scan_order(const std::vector<std::int64_t>& times) {
  return deterministic_reduce<OrderScan>(times.size(), [&](const Range& range, OrderScan& scan) {
    for (std::size_t i = std::max<std::size_t>(range.begin(), 1); i < range.end(); ++i) {
      scan.descending += times[i] < times[i - 1];
      scan.equal += times[i] == times[i - 1];
    }
  });
}

void sort_by_time(Series& series) {
  const auto& times = series.timestamps_ms;
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
}

// Keeps the last row of each run of equal timestamps; returns how many were dropped.
std::size_t drop_duplicates(Series& series) {
  const auto& times = series.timestamps_ms;
  return keep_rows(series, [&](std::size_t i) { return i + 1 == times.size() || times[i + 1] != times[i]; });
}

std::int64_t detect_interval(const Series& series) {
  std::map<std::int64_t, std::size_t> spacing_counts;
  const std::size_t end = std::min(series.size(), kIntervalSample + 1);
  for (std::size_t i = 1; i < end; ++i) ++spacing_counts[series.timestamps_ms[i] - series.timestamps_ms[i - 1]];
  auto most = std::max_element(spacing_counts.begin(), spacing_counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return most == spacing_counts.end() ? 0 : most->first;
}

// What one pass over the sorted series finds: gaps, negative and invalid values, and the
// statistics of the valid ones.
struct ValueScan {
  std::size_t gaps = 0, missing_steps = 0, negative = 0, invalid = 0, count = 0;
  double sum = 0, low = INFINITY, high = -INFINITY;
  void join(const ValueScan& other) {
    gaps += other.gaps;
    missing_steps += other.missing_steps;
    negative += other.negative;
    invalid += other.invalid;
    count += other.count;
    sum += other.sum;
    low = std::min(low, other.low);
    high = std::max(high, other.high);
  }
};

// Marks values below `below` missing (NaN) while it scans.
ValueScan scan_values(Series& series, std::int64_t interval, std::optional<double> below) {
  const auto& times = series.timestamps_ms;
  auto& values = series.values;
  const double threshold = below.value_or(-INFINITY);
  return deterministic_reduce<ValueScan>(series.size(), [&](const Range& range, ValueScan& scan) {
    for (std::size_t i = range.begin(); i < range.end(); ++i) {
      const std::int64_t missing = i > 0 ? missing_between(times[i] - times[i - 1], interval) : 0;
      scan.gaps += missing > 0;
      scan.missing_steps += static_cast<std::size_t>(std::max<std::int64_t>(missing, 0));
      const double value = values[i];
      scan.negative += value < 0;
      if (value < threshold) {
        values[i] = std::nan("");
        ++scan.invalid;
        continue;
      }
      scan.sum += value;
      scan.low = std::min(scan.low, value);
      scan.high = std::max(scan.high, value);
      ++scan.count;
    }
  });
}

}  // namespace

void clean(Series& series, const DataSpec& spec, TraceReport& report) {
  const OrderScan order = scan_order(series.timestamps_ms);
  report.was_sorted = order.descending == 0;
  if (!report.was_sorted) sort_by_time(series);
  report.duplicates = order.equal > 0 || !report.was_sorted ? drop_duplicates(series) : 0;
  report.first_ms = series.timestamps_ms.front();
  report.last_ms = series.timestamps_ms.back();
  report.interval_detected = spec.interval_ms == 0;
  report.interval_ms = report.interval_detected ? detect_interval(series) : spec.interval_ms;
  const ValueScan scan = scan_values(series, report.interval_ms, spec.invalid_below);
  if (scan.count == 0) throw InputError(report.file + ": no valid values (every value is below invalid_below)");
  report.gaps = scan.gaps;
  report.missing_steps = scan.missing_steps;
  report.negative = scan.negative;
  report.invalid = scan.invalid;
  report.min = scan.low;
  report.max = scan.high;
  report.mean = scan.sum / static_cast<double>(scan.count);
}

}  // namespace vmsweep::data
