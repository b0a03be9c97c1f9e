#pragma once
// The report of a fleet (a sweep over several traces, docs/fleets.md): per trace, what its own
// one-trace report would choose, all on validation (the trial, each baseline, the guarded forecast),
// and how those choices fare on the test part across the fleet.
#include <optional>
#include <string>
#include <vector>

#include "report_ensemble.hpp"
#include "report_sheet.hpp"
#include "report_source.hpp"

namespace vmsweep::cli {

// The baselines a fleet row shows, each its row chosen on validation at the chosen trial's horizon.
inline constexpr const char* fleet_baselines[] = {"ridge_ar", "persistence", "ses", "seasonal_naive"};

struct TraceOutcome {
  std::string trace;                      // the trace id
  std::string file;                       // its file as the trials read it (absolute)
  std::optional<io::StoredTrial> chosen;  // the best trial by the sweep's metric that ended ok or stopped (as /fleet)
  std::vector<std::optional<BaselineScore>> baselines;  // one per fleet_baselines entry
  std::optional<GuardedForecast> guarded;               // the trace's guarded forecast (its leaderboard's row)

  const BaselineScore* baseline(const std::string& method) const;  // null when the trace has none
  // Test MSEs, NaN when the trace has no such forecast: the chosen trial's, a baseline's, the guarded one's.
  double test_mse() const;
  double baseline_test_mse(const std::string& method) const;
  double guarded_test_mse() const;
};

// One outcome per trace, in trace order; `baselines` holds every trace's rows (sweep_baselines).
// The chosen trial is the trace's best on its validation (`fleet: local`), or the global model best
// on the pooled validation seen on that trace (`fleet: global`, as /fleet chooses).
// With `with_guarded` false the guarded forecasts are not computed (it reads the members' predictions).
std::vector<TraceOutcome> fleet_outcomes(const SweepResults& results, const std::vector<BaselineScore>& baselines,
                                         bool with_guarded);

// The sweep's `fleet`: "global" (one model for every trace) or "local" (one search per trace).
const char* fleet_mode(const SweepResults& results);

// Another sweep of the same traces shown beside this one (`report --beside`), e.g. a `fleet: global`
// sweep beside a `fleet: local` one: its outcomes and its mode.
struct BesideFleet {
  std::string mode;
  std::vector<TraceOutcome> outcomes;
  // The other sweep's outcome on the same trace: the same file (ids depend on where each sweep file
  // is), else the same id; null when it has none.
  const TraceOutcome* on(const TraceOutcome& trace) const;
  // The columns' prefix: its mode, or "beside" when both sweeps have the same mode.
  std::string prefix(const SweepResults& results) const { return mode == fleet_mode(results) ? "beside" : mode; }
};

// `fleet`: a row per trace: its short id, the chosen trial and the parameters that vary across the
// fleet, val and test MSE, each baseline's test MSE, the ratios of the test MSE to ridge AR's and to
// persistence's, and the guarded forecast (what it is made of, its test MSE and ratios); with
// `beside`, that sweep's trial, test MSE and ratio to ridge AR on the trace (missing where it has no
// such trace); the full id last.
Section fleet_section(const SweepResults& results, const std::vector<TraceOutcome>& outcomes,
                      const BesideFleet* beside = nullptr);

// `fleet_summary`: for the best trial and the guarded forecast, over ridge AR and over persistence:
// the traces with a ratio, its median, quartiles (linear interpolation, as numpy and pandas), best and
// worst, and the traces where the LSTM wins (ratio < 1) and loses (> 1). The `mode` column is the
// sweep's `fleet`: `local` (one search per trace) or `global` (one model for every trace); `beside`
// adds that sweep's lines with its mode.
Section fleet_summary_section(const SweepResults& results, const std::vector<TraceOutcome>& outcomes,
                              const BesideFleet* beside = nullptr);

}  // namespace vmsweep::cli
