#include "resample.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "vmsweep/data/timestamps.hpp"

namespace vmsweep::data {

namespace {

constexpr std::int64_t kWeekMs = 7 * kMillisPerDay;
constexpr std::int64_t kFirstMondayMs = 4 * kMillisPerDay;  // 1970-01-05, the first Monday of the epoch

struct BinGrid {
  std::int64_t origin = 0;
  std::int64_t period = 0;
  std::int64_t label_shift = 0;

  std::int64_t index(std::int64_t t) const { return floor_div(t - origin, period); }
  std::int64_t start(std::int64_t bin) const { return origin + bin * period; }
};

BinGrid make_grid(std::int64_t first_ms, std::int64_t period) {
  if (period % kWeekMs == 0) return {kFirstMondayMs, period, period - kMillisPerDay};
  return {floor_div(first_ms, kMillisPerDay) * kMillisPerDay, period, 0};
}

// Folds the valid values of one bin, in time order.
class BinAccumulator {
public:
  explicit BinAccumulator(Aggregation agg) : agg_(agg) {}
  void add(double value) {
    if (std::isnan(value)) return;
    if (count_ == 0) low_ = high_ = value;
    sum_ += value;
    low_ = std::min(low_, value);
    high_ = std::max(high_, value);
    last_ = value;
    ++count_;
  }
  double result() const {
    if (count_ == 0) return std::nan("");
    switch (agg_) {
      case Aggregation::mean: return sum_ / static_cast<double>(count_);
      case Aggregation::sum: return sum_;
      case Aggregation::max: return high_;
      case Aggregation::min: return low_;
      case Aggregation::last: return last_;
    }
    return std::nan("");
  }

private:
  Aggregation agg_;
  double sum_ = 0, low_ = 0, high_ = 0, last_ = 0;
  std::size_t count_ = 0;
};

void fill_bins(const Series& in, const BinGrid& grid, std::int64_t first_bin, Aggregation agg,
               std::size_t begin, std::size_t end, Series& out) {
  const auto& times = in.timestamps_ms;
  auto p = static_cast<std::size_t>(
      std::lower_bound(times.begin(), times.end(), grid.start(first_bin + static_cast<std::int64_t>(begin))) - times.begin());
  for (std::size_t b = begin; b < end; ++b) {
    const std::int64_t bin = first_bin + static_cast<std::int64_t>(b);
    const std::int64_t bin_end = grid.start(bin + 1);
    BinAccumulator accumulator(agg);
    for (; p < times.size() && times[p] < bin_end; ++p) accumulator.add(in.values[p]);
    out.timestamps_ms[b] = grid.start(bin) + grid.label_shift;
    out.values[b] = accumulator.result();
  }
}

// Bins first_bin .. first_bin + bins - 1 of `grid`, in parallel: bins are independent, so the result
// does not depend on the number of threads.
Series resample_bins(const Series& series, const BinGrid& grid, std::int64_t first_bin, std::size_t bins, Aggregation agg) {
  Series out;
  out.timestamps_ms.resize(bins);
  out.values.resize(bins);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, bins, 1024), [&](const tbb::blocked_range<std::size_t>& range) {
    fill_bins(series, grid, first_bin, agg, range.begin(), range.end(), out);
  });
  return out;
}

std::size_t bin_count(const Series& series, const BinGrid& grid) {
  return static_cast<std::size_t>(grid.index(series.timestamps_ms.back()) - grid.index(series.timestamps_ms.front()) + 1);
}

}  // namespace

Series resample(const Series& series, const ResampleSpec& spec) {
  const BinGrid grid = make_grid(series.timestamps_ms.front(), spec.period_ms);
  return resample_bins(series, grid, grid.index(series.timestamps_ms.front()), bin_count(series, grid), spec.agg);
}

Series resample_sub_steps(const Series& series, const ResampleSpec& spec, std::int64_t sub_period_ms) {
  const BinGrid grid = make_grid(series.timestamps_ms.front(), spec.period_ms);
  const std::int64_t per_bin = spec.period_ms / sub_period_ms;
  // The same origin with a shorter period: sub-bin first_bin * per_bin starts where bin first_bin does.
  const BinGrid sub_grid{grid.origin, sub_period_ms, 0};
  const std::size_t sub_bins = bin_count(series, grid) * static_cast<std::size_t>(per_bin);
  return resample_bins(series, sub_grid, grid.index(series.timestamps_ms.front()) * per_bin, sub_bins, Aggregation::mean);
}

}  // namespace vmsweep::data
