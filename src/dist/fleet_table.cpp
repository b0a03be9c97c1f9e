#include "fleet_table.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>

#include "vmsweep/common/error.hpp"
#include "vmsweep/io/ensembles.hpp"
#include "vmsweep/train/baseline_scores.hpp"
#include "vmsweep/train/global_trial.hpp"
#include "vmsweep/train/guarded_forecast.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::dist {

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

struct Choice {
  const io::StoredTrial* trial = nullptr;
  std::int64_t look_back = 0, horizon = 1;
};

double metric_or_missing(const Metrics& metrics, const std::string& name) {
  for (const auto& [key, value] : metrics)
    if (key == name) return value;
  return missing;
}

// The trace's best trial by the sweep's metric (io::best_finished, as the report and predict choose).
Choice choose(const std::vector<const io::StoredTrial*>& trials, const io::SweepMeta& meta) {
  Choice best;
  best.trial = io::best_finished(trials, meta);
  if (!best.trial) return best;
  try {
    const train::TrainSettings settings = train::settings_from_params(train::first_trace_params(best.trial->result.params));
    best.look_back = settings.look_back;
    best.horizon = settings.horizon;
  } catch (const InputError&) {
  }
  return best;
}

// The baseline's test MSE, its row chosen on validation (as the report chooses it) among the trace's
// rows at `horizon`.
double baseline_test_mse(const std::vector<BaselineScore>& baselines, const std::string& trace,
                         const std::string& method, std::int64_t horizon, const io::SweepMeta& meta) {
  std::vector<BaselineScore> rows;
  std::copy_if(baselines.begin(), baselines.end(), std::back_inserter(rows),
               [&](const BaselineScore& row) { return row.trace == trace && row.horizon == horizon; });
  const BaselineScore* chosen = train::baseline_chosen_on_validation(rows, method, train::baseline_choice_metric(meta.metric),
                                                                     meta.metric_goal == "maximize");
  return chosen ? metric_or_missing(chosen->metrics, "test_mse") : missing;
}

struct Columns {
  std::vector<std::string> trace, mode, trial, params_json, guarded;
  std::vector<std::int64_t> look_back;
  std::map<std::string, std::vector<double>> numbers;
};

constexpr const char* kNumberColumns[] = {"val_mse",  "val_mae",     "test_mse",   "test_mae",
                                          "ridge_ar_test_mse", "persistence_test_mse", "ses_test_mse",
                                          "ratio_ridge_ar",    "ratio_persistence"};
constexpr const char* kGuardedColumns[] = {"guarded_test_mse", "guarded_ratio_ridge_ar", "guarded_ratio_persistence"};

// The trace's guarded forecast, from `candidates` (the trials' scores on the trace, in trial order).
void add_guarded(Columns& columns, const std::string& trace, std::vector<train::GuardCandidate> candidates,
                 const std::vector<BaselineScore>& baselines, const io::SweepMeta& meta, const PredictionsOf& predictions_of) {
  std::vector<BaselineScore> rows;
  std::copy_if(baselines.begin(), baselines.end(), std::back_inserter(rows),
               [&](const BaselineScore& row) { return row.trace == trace; });
  const std::optional<train::GuardedChoice> choice =
      train::choose_guarded(std::move(candidates), rows, meta.metric, meta.metric_goal == "maximize");
  double test_mse = missing;
  if (choice && choice->members.empty()) test_mse = metric_or_missing(choice->ridge->metrics, "test_mse");
  if (choice && !choice->members.empty()) {
    std::vector<Predictions> members;
    for (const std::string& id : choice->members) members.push_back(predictions_of(id, trace));
    test_mse = metric_or_missing(train::mean_forecast_metrics(members), "test_mse");
  }
  columns.guarded.push_back(choice ? train::guarded_description(*choice) : "");
  columns.numbers["guarded_test_mse"].push_back(test_mse);
  columns.numbers["guarded_ratio_ridge_ar"].push_back(test_mse / columns.numbers["ridge_ar_test_mse"].back());
  columns.numbers["guarded_ratio_persistence"].push_back(test_mse / columns.numbers["persistence_test_mse"].back());
}

// `metrics`: the chosen trial's on this trace (a global trial's per-trace metrics).
void add_row(Columns& columns, const std::string& trace, const Choice& choice, const Metrics& metrics,
             const std::vector<BaselineScore>& baselines, const io::SweepMeta& meta) {
  columns.trace.push_back(trace);
  columns.trial.push_back(choice.trial ? choice.trial->id : "");
  columns.params_json.push_back(choice.trial ? choice.trial->result.params.to_json() : "");
  columns.look_back.push_back(choice.look_back);
  for (const char* name : {"val_mse", "val_mae", "test_mse", "test_mae"})
    columns.numbers[name].push_back(metric_or_missing(metrics, name));
  const double ridge = baseline_test_mse(baselines, trace, "ridge_ar", choice.horizon, meta);
  const double persistence = baseline_test_mse(baselines, trace, "persistence", choice.horizon, meta);
  columns.numbers["ridge_ar_test_mse"].push_back(ridge);
  columns.numbers["persistence_test_mse"].push_back(persistence);
  columns.numbers["ses_test_mse"].push_back(baseline_test_mse(baselines, trace, "ses", choice.horizon, meta));
  const double lstm = metric_or_missing(metrics, "test_mse");
  columns.numbers["ratio_ridge_ar"].push_back(lstm / ridge);
  columns.numbers["ratio_persistence"].push_back(lstm / persistence);
}

bool is_global(const io::StoredTrial& trial) { return !trial.result.per_trace.empty(); }

// A global trial's metrics on `trace` (empty when it was not scored there).
const Metrics& scores_on(const io::StoredTrial& trial, const std::string& trace) {
  static const Metrics none;
  for (const TraceScores& scores : trial.result.per_trace)
    if (scores.trace == trace) return scores.metrics;
  return none;
}

// `fleet: local`: per trace, its own best trial.
void add_local_rows(Columns& columns, const std::vector<io::StoredTrial>& trials, const std::vector<BaselineScore>& baselines,
                    const io::SweepMeta& meta, const PredictionsOf& predictions_of) {
  std::map<std::string, std::vector<const io::StoredTrial*>> by_trace;
  for (const io::StoredTrial& trial : trials) by_trace[trial.result.trace].push_back(&trial);
  for (const auto& [trace, trace_trials] : by_trace) {
    const Choice choice = choose(trace_trials, meta);
    add_row(columns, trace, choice, choice.trial ? choice.trial->result.metrics : Metrics{}, baselines, meta);
    columns.mode.push_back("local");
    std::vector<train::GuardCandidate> candidates;
    for (const io::StoredTrial* trial : trace_trials)
      candidates.push_back(train::guard_candidate(trial->id, trial->result.metrics, meta.metric));
    add_guarded(columns, trace, std::move(candidates), baselines, meta, predictions_of);
  }
}

// `fleet: global`: one configuration for every trace, chosen on the pooled validation metric, then
// scored on each trace. The traces are those of the global trials (the same list in each).
void add_global_rows(Columns& columns, const std::vector<io::StoredTrial>& trials, const std::vector<BaselineScore>& baselines,
                     const io::SweepMeta& meta, const PredictionsOf& predictions_of) {
  std::vector<const io::StoredTrial*> global;
  for (const io::StoredTrial& trial : trials)
    if (is_global(trial)) global.push_back(&trial);
  const Choice choice = choose(global, meta);
  const io::StoredTrial& listing = choice.trial ? *choice.trial : *global.front();
  for (const TraceScores& listed : listing.result.per_trace) {
    const std::string& trace = listed.trace;
    add_row(columns, trace, choice, choice.trial ? scores_on(*choice.trial, trace) : Metrics{}, baselines, meta);
    columns.mode.push_back("global");
    std::vector<train::GuardCandidate> candidates;
    for (const io::StoredTrial* trial : global)
      candidates.push_back(train::guard_candidate(trial->id, scores_on(*trial, trace), meta.metric));
    add_guarded(columns, trace, std::move(candidates), baselines, meta, predictions_of);
  }
}

}  // namespace

io::Table fleet_table(const std::vector<io::StoredTrial>& trials, const std::vector<BaselineScore>& baselines,
                      const io::SweepMeta& meta, const PredictionsOf& predictions_of) {
  Columns columns;
  if (std::ranges::any_of(trials, is_global)) add_global_rows(columns, trials, baselines, meta, predictions_of);
  else add_local_rows(columns, trials, baselines, meta, predictions_of);
  io::Table table{{{"trace", columns.trace, {}},
                   {"mode", columns.mode, {}},
                   {"trial", columns.trial, {}},
                   {"look_back", columns.look_back, {}}}};
  for (const char* name : kNumberColumns) table.columns.push_back({name, columns.numbers[name], {}});
  table.columns.push_back({"guarded", columns.guarded, {}});
  for (const char* name : kGuardedColumns) table.columns.push_back({name, columns.numbers[name], {}});
  table.columns.push_back({"params_json", columns.params_json, {}});
  return table;
}

}  // namespace vmsweep::dist
