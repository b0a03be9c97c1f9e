// The `fleet` section: one row per trace of a fleet.
#include <cmath>

#include "report_fleet.hpp"
#include "report_params.hpp"
#include "trace_names.hpp"

namespace vmsweep::cli {

namespace {

// NaN (no such forecast, or 0 / 0) is shown as missing.
Value number_cell(double value) { return std::isnan(value) ? Value(nullptr) : Value(value); }

// What the guarded forecast is made of: its members, or the ridge AR it fell back to.
Value guarded_members_cell(const TraceOutcome& outcome) {
  if (!outcome.guarded) return nullptr;
  return outcome.guarded->description;
}

std::vector<std::string> fleet_columns(const std::vector<std::string>& params, const std::string& beside_prefix) {
  std::vector<std::string> columns{"trace", "trial"};
  columns.insert(columns.end(), params.begin(), params.end());
  columns.insert(columns.end(), {"val_mse", "test_mse"});
  for (const char* method : fleet_baselines) columns.push_back(std::string(method) + "_test_mse");
  columns.insert(columns.end(), {"ratio_ridge_ar", "ratio_persistence", "guarded", "guarded_test_mse",
                                 "guarded_ratio_ridge_ar", "guarded_ratio_persistence"});
  if (!beside_prefix.empty())
    for (const char* name : {"_trial", "_test_mse", "_ratio_ridge_ar"}) columns.push_back(beside_prefix + name);
  columns.push_back("trace_id");
  return columns;
}

// The other sweep's trial on the trace, its test MSE and its ratio to its own ridge AR.
void add_beside_cells(std::vector<Value>& row, const BesideFleet& beside, const TraceOutcome& trace) {
  const TraceOutcome* other = beside.on(trace);
  if (!other || !other->chosen) {
    row.insert(row.end(), 3, Value(nullptr));
    return;
  }
  row.insert(row.end(), {Value(other->chosen->id), number_cell(other->test_mse()),
                         number_cell(other->test_mse() / other->baseline_test_mse("ridge_ar"))});
}

std::vector<Value> fleet_row(const TraceOutcome& outcome, const std::string& short_id, const std::vector<std::string>& params,
                             const BesideFleet* beside) {
  std::vector<Value> row{short_id, outcome.chosen ? Value(outcome.chosen->id) : Value(nullptr)};
  const FlatParams flat = outcome.chosen ? flatten_params(outcome.chosen->result.params) : FlatParams{};
  for (const std::string& name : params) {
    const Value* value = find_param(flat, name);
    row.push_back(value ? *value : Value(nullptr));
  }
  const double* val = outcome.chosen ? find_metric(outcome.chosen->result.metrics, "val_mse") : nullptr;
  row.insert(row.end(), {val ? Value(*val) : Value(nullptr), number_cell(outcome.test_mse())});
  for (const char* method : fleet_baselines) row.push_back(number_cell(outcome.baseline_test_mse(method)));
  const double ridge = outcome.baseline_test_mse("ridge_ar"), persistence = outcome.baseline_test_mse("persistence");
  row.insert(row.end(), {number_cell(outcome.test_mse() / ridge), number_cell(outcome.test_mse() / persistence),
                         guarded_members_cell(outcome), number_cell(outcome.guarded_test_mse()),
                         number_cell(outcome.guarded_test_mse() / ridge), number_cell(outcome.guarded_test_mse() / persistence)});
  if (beside) add_beside_cells(row, *beside, outcome);
  row.emplace_back(outcome.trace);
  return row;
}

}  // namespace

const char* fleet_mode(const SweepResults& results) { return results.global() ? "global" : "local"; }

Section fleet_section(const SweepResults& results, const std::vector<TraceOutcome>& outcomes, const BesideFleet* beside) {
  std::vector<std::string> params = varying_params(results.trials());
  std::erase(params, "path");  // the trace's file: the trace column says it
  Section section{"fleet",
                  std::string(results.global() ? "fleet: per trace, the global model best on the pooled validation by "
                                               : "fleet: per trace, the trial best on its validation by ") +
                      results.meta().metric + ", the baselines chosen on validation (test MSE), LSTM / baseline ratios (< 1: the LSTM wins) and the guarded forecast",
                  fleet_columns(params, beside ? beside->prefix(results) : std::string()), {}};
  std::vector<std::string> ids;
  for (const TraceOutcome& outcome : outcomes) ids.push_back(outcome.trace);
  const std::vector<std::string> names = short_trace_ids(ids);
  for (std::size_t i = 0; i < outcomes.size(); ++i) section.add_row(fleet_row(outcomes[i], names[i], params, beside));
  return section;
}

}  // namespace vmsweep::cli
