// The sweep summary, leaderboard and problems sections.
#include <algorithm>
#include <chrono>

#include "report_params.hpp"
#include "report_sections.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::cli {

namespace {

// val and test (train too when the sweep optimises a training metric) x mse, mae and the sweep's own.
std::vector<std::string> shown_metrics(const io::SweepMeta& meta) {
  const auto underscore = meta.metric.find('_');
  const std::string part = meta.metric.substr(0, underscore), kind = meta.metric.substr(underscore + 1);
  std::vector<std::string> kinds{"mse", "mae"};
  if (kind != "mse" && kind != "mae") kinds.push_back(kind);
  std::vector<std::string> parts{"val", "test"};
  if (part == "train") parts.insert(parts.begin(), "train");
  std::vector<std::string> names;
  for (const auto& p : parts)
    for (const auto& k : kinds) names.push_back(p + "_" + k);
  return names;
}

// The coverage and mean width of the trials' conformal intervals on the test part, when they have them.
void add_coverage_columns(const std::vector<io::StoredTrial>& trials, std::vector<std::string>& names) {
  const bool covered = std::any_of(trials.begin(), trials.end(), [](const io::StoredTrial& t) { return t.result.metric("test_cover80"); });
  if (covered) names.insert(names.end(), {"test_cover80", "test_width80", "test_cover95", "test_width95"});
}

Value metric_cell(const Metrics& metrics, const std::string& name) {
  const double* value = find_metric(metrics, name);
  return value ? Value(*value) : Value(nullptr);
}

std::size_t count_status(const SweepResults& results, TrialStatus status) {
  std::size_t n = 0;
  for (const auto& trial : results.trials()) n += trial.result.status == status;
  return n;
}

Value elapsed_seconds(const io::SweepMeta& meta) {
  if (meta.finished.time_since_epoch().count() == 0) return nullptr;
  return std::chrono::duration<double>(meta.finished - meta.started).count();
}

std::string baseline_name(const BaselineScore& score) {
  return score.detail.empty() ? score.method : score.method + " (" + score.detail + ")";
}

// Marked in the leaderboard only when there was a choice (more than one look-back).
const BaselineScore* ridge_ar_chosen_on_validation(const std::vector<BaselineScore>& baselines,
                                                   const io::SweepMeta& meta) {
  const auto ridge_rows = std::count_if(baselines.begin(), baselines.end(), [](const BaselineScore& score) {
    return score.method == "ridge_ar";
  });
  return ridge_rows > 1 ? best_ridge_ar_on_validation(baselines, meta) : nullptr;
}

struct Columns {
  std::vector<std::string> params, metrics;
};

std::vector<Value> trial_row(std::size_t rank, const io::StoredTrial& trial, const Columns& columns) {
  const TrialResult& r = trial.result;
  const FlatParams flat = flatten_params(r.params);
  std::vector<Value> row{static_cast<std::int64_t>(rank), "trial", trial.id};
  for (const auto& name : columns.params) {
    const Value* value = find_param(flat, name);
    row.push_back(value ? *value : Value());
  }
  for (const auto& name : columns.metrics) row.push_back(metric_cell(r.metrics, name));
  row.insert(row.end(), {r.epochs_run, r.best_epoch, r.seconds});
  return row;
}

// A baseline or ensemble fills only the metrics, and the look-back when the sweep varies it.
std::vector<Value> baseline_row(const char* kind, const BaselineScore& score, const Columns& columns,
                                bool chosen = false) {
  std::vector<Value> row{nullptr, kind, baseline_name(score) + (chosen ? ", chosen on validation" : "")};
  for (const auto& name : columns.params) {
    Value cell;
    if (name == "look_back" && score.look_back > 0) cell = Value(score.look_back);
    row.push_back(std::move(cell));
  }
  for (const auto& name : columns.metrics) row.push_back(metric_cell(score.metrics, name));
  row.resize(row.size() + 3);  // epochs, best_epoch, seconds
  return row;
}

}  // namespace

Section sweep_section(const SweepResults& results) {
  const io::SweepMeta& meta = results.meta();
  Section section{"sweep", "sweep " + meta.name,
                  {"name", "method", "metric", "goal", "state", "trials", "ok", "failed", "diverged", "stopped",
                   "ranks", "started", "finished", "seconds"}, {}};
  const bool finished = meta.finished.time_since_epoch().count() != 0;
  auto count = [&](TrialStatus s) { return Value(static_cast<std::int64_t>(count_status(results, s))); };
  section.add_row({meta.name, meta.method, meta.metric, meta.metric_goal,
                   results.running() ? "running (read from the trial files)" : "aggregated",
                   static_cast<std::int64_t>(results.trials().size()), count(TrialStatus::ok),
                   count(TrialStatus::failed), count(TrialStatus::diverged), count(TrialStatus::stopped), meta.ranks,
                   io::iso8601_utc(meta.started), finished ? Value(io::iso8601_utc(meta.finished)) : Value(nullptr),
                   elapsed_seconds(meta)});
  return section;
}

Section leaderboard_section(const SweepResults& results, const std::vector<BaselineScore>& ensembles,
                            const std::vector<BaselineScore>& baselines, std::size_t top) {
  Columns columns{varying_params(results.trials()), shown_metrics(results.meta())};
  add_coverage_columns(results.trials(), columns.metrics);
  Section section{"leaderboard", "leaderboard by " + results.meta().metric + " (" + results.meta().metric_goal + ")",
                  {"rank", "kind", "id"}, {}};
  section.columns.insert(section.columns.end(), columns.params.begin(), columns.params.end());
  section.columns.insert(section.columns.end(), columns.metrics.begin(), columns.metrics.end());
  for (const char* column : {"epochs", "best_epoch", "seconds"}) section.columns.push_back(column);
  const auto ranked = ranked_trials(results);
  for (std::size_t i = 0; i < ranked.size() && i < top; ++i) section.add_row(trial_row(i + 1, *ranked[i], columns));
  for (const BaselineScore& score : ensembles) section.add_row(baseline_row("ensemble", score, columns));
  const BaselineScore* chosen = ridge_ar_chosen_on_validation(baselines, results.meta());
  for (const BaselineScore& score : baselines) section.add_row(baseline_row("baseline", score, columns, &score == chosen));
  return section;
}

Section problems_section(const SweepResults& results) {
  Section section{"problems", "trials that failed, diverged or were stopped", {"id", "status", "epochs", "reason"}, {}};
  for (const auto& trial : results.trials()) {
    const TrialResult& r = trial.result;
    if (r.status != TrialStatus::ok) section.add_row({trial.id, to_string(r.status), r.epochs_run, r.reason});
  }
  return section;
}

}  // namespace vmsweep::cli
