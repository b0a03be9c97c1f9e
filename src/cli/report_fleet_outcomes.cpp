// What each trace of a fleet chose on validation: the same rules as a one-trace report, applied to
// the results narrowed to that trace.
#include <algorithm>
#include <cmath>

#include "report_fleet.hpp"
#include "report_params.hpp"

namespace vmsweep::cli {

namespace {

double test_mse_of(const Metrics& metrics) {
  const double* value = find_metric(metrics, "test_mse");
  return value ? *value : NAN;
}

// As /fleet (dist::fleet_table) chooses (io::best_finished).
std::optional<io::StoredTrial> chosen_trial(const SweepResults& trace) {
  std::vector<const io::StoredTrial*> trials;
  for (const io::StoredTrial& trial : trace.trials()) trials.push_back(&trial);
  const io::StoredTrial* best = io::best_finished(trials, trace.meta());
  return best ? std::optional(*best) : std::nullopt;
}

std::vector<BaselineScore> rows_of(const std::vector<BaselineScore>& baselines, const std::string& trace) {
  std::vector<BaselineScore> rows;
  std::copy_if(baselines.begin(), baselines.end(), std::back_inserter(rows),
               [&](const BaselineScore& row) { return row.trace == trace; });
  return rows;
}

std::string trace_file(const SweepResults& trace) {
  for (const io::StoredTrial& trial : trace.trials())
    if (const Value* path = trial.result.params.find("path"); path && path->is_string()) return path->as_string();
  return {};
}

// A global fleet's answer on a trace is the one model chosen on the pooled validation (as /fleet
// has it), seen on that trace; a local fleet's is the trace's own best trial.
std::optional<io::StoredTrial> answer_on(const SweepResults& trace, const std::optional<std::string>& pooled_choice) {
  if (!pooled_choice) return chosen_trial(trace);
  for (const io::StoredTrial& trial : trace.trials())
    if (trial.id == *pooled_choice) return trial;
  return std::nullopt;
}

TraceOutcome outcome_of(const SweepResults& trace, const std::vector<BaselineScore>& baselines, bool with_guarded,
                        const std::optional<std::string>& pooled_choice) {
  TraceOutcome outcome{trace.trace(), trace_file(trace), answer_on(trace, pooled_choice), {}, std::nullopt};
  const std::int64_t horizon = outcome.chosen ? int_param(outcome.chosen->result.params, "horizon", 1) : 1;
  std::vector<BaselineScore> at_horizon = baselines;
  std::erase_if(at_horizon, [&](const BaselineScore& row) { return row.horizon != horizon; });
  for (const char* method : fleet_baselines) {
    const BaselineScore* row = best_on_validation(at_horizon, method, trace.meta());
    outcome.baselines.push_back(row ? std::optional<BaselineScore>(*row) : std::nullopt);
  }
  if (with_guarded) outcome.guarded = guarded_forecast(trace, baselines);
  return outcome;
}

}  // namespace

const TraceOutcome* BesideFleet::on(const TraceOutcome& trace) const {
  const auto same = [&](const TraceOutcome& other) {
    return !trace.file.empty() && !other.file.empty() ? other.file == trace.file : other.trace == trace.trace;
  };
  const auto found = std::find_if(outcomes.begin(), outcomes.end(), same);
  return found == outcomes.end() ? nullptr : &*found;
}

const BaselineScore* TraceOutcome::baseline(const std::string& method) const {
  for (std::size_t i = 0; i < baselines.size(); ++i)
    if (fleet_baselines[i] == method && baselines[i]) return &*baselines[i];
  return nullptr;
}

double TraceOutcome::test_mse() const { return chosen ? test_mse_of(chosen->result.metrics) : NAN; }

double TraceOutcome::baseline_test_mse(const std::string& method) const {
  const BaselineScore* row = baseline(method);
  return row ? test_mse_of(row->metrics) : NAN;
}

double TraceOutcome::guarded_test_mse() const { return guarded ? test_mse_of(guarded->score.metrics) : NAN; }

std::vector<TraceOutcome> fleet_outcomes(const SweepResults& results, const std::vector<BaselineScore>& baselines,
                                         bool with_guarded) {
  std::optional<std::string> pooled_choice;
  if (results.global()) {
    const std::optional<io::StoredTrial> chosen = chosen_trial(results);
    pooled_choice = chosen ? std::optional(chosen->id) : std::optional<std::string>(std::string{});
  }
  std::vector<TraceOutcome> outcomes;
  for (const SweepResults& trace : results.by_trace())
    outcomes.push_back(outcome_of(trace, rows_of(baselines, trace.trace()), with_guarded, pooled_choice));
  return outcomes;
}

}  // namespace vmsweep::cli
