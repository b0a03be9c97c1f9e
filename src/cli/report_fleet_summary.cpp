// The `fleet_summary` section: how the traces' choices fare on the test part across the fleet.
#include <algorithm>
#include <cmath>

#include "report_fleet.hpp"

namespace vmsweep::cli {

namespace {

// The p-quantile of sorted values, interpolated linearly between neighbours (numpy's and pandas'
// default); an infinite ratio (a baseline exact on the test part) stays infinite, never NaN.
double quantile(const std::vector<double>& sorted, double p) {
  const double position = p * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const double low = sorted[below], high = sorted[std::min(below + 1, sorted.size() - 1)];
  const double fraction = position - static_cast<double>(below);
  return fraction == 0 || low == high ? low : low + (high - low) * fraction;
}

struct Forecast {
  const char* name;
  double (TraceOutcome::*test_mse)() const;
};

constexpr Forecast forecasts[] = {{"best trial", &TraceOutcome::test_mse}, {"guarded", &TraceOutcome::guarded_test_mse}};

std::vector<Value> summary_row(const std::vector<TraceOutcome>& outcomes, const char* mode, const Forecast& forecast,
                               const char* against) {
  std::vector<double> ratios;
  for (const TraceOutcome& outcome : outcomes) {
    const double ratio = (outcome.*forecast.test_mse)() / outcome.baseline_test_mse(against);
    if (!std::isnan(ratio)) ratios.push_back(ratio);
  }
  std::sort(ratios.begin(), ratios.end());
  const auto traces = static_cast<std::int64_t>(ratios.size());
  const auto wins = std::count_if(ratios.begin(), ratios.end(), [](double r) { return r < 1; });
  const auto losses = std::count_if(ratios.begin(), ratios.end(), [](double r) { return r > 1; });
  std::vector<Value> row{mode, forecast.name, against, traces};
  if (ratios.empty()) {
    row.resize(12);
    return row;
  }
  row.insert(row.end(), {quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75), ratios.front(),
                         ratios.back(), static_cast<std::int64_t>(wins), static_cast<std::int64_t>(losses),
                         static_cast<double>(wins) / static_cast<double>(traces)});
  return row;
}

void add_summary_rows(Section& section, const std::vector<TraceOutcome>& outcomes, const char* mode) {
  for (const Forecast& forecast : forecasts)
    for (const char* against : {"ridge_ar", "persistence"}) section.add_row(summary_row(outcomes, mode, forecast, against));
}

}  // namespace

Section fleet_summary_section(const SweepResults& results, const std::vector<TraceOutcome>& outcomes,
                              const BesideFleet* beside) {
  Section section{"fleet_summary",
                  "fleet summary: LSTM test MSE / baseline test MSE over the traces (< 1: the LSTM wins)",
                  {"mode", "forecast", "against", "traces", "median", "q1", "q3", "best", "worst", "wins", "losses", "win_share"},
                  {}};
  add_summary_rows(section, outcomes, fleet_mode(results));
  if (beside) add_summary_rows(section, beside->outcomes, beside->mode.c_str());
  return section;
}

}  // namespace vmsweep::cli
