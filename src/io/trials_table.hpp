#pragma once
// The /trials table of the aggregate: one row per trial, built from trial summaries, and back.
// Columns, in order: id, status, one per parameter, one per metric, epochs_run, best_epoch,
// diverged_epoch, seconds, threads, seed, rank, host, reason, params_json.
// Parameter columns: int64 when every trial has an integer, float64 when all are numbers (NaN
// where a trial lacks it), FALSE/TRUE enum for booleans, otherwise the flow text ("[256, 128]").
// Metric columns are float64 with NaN where a trial has no such metric. A parameter or metric
// whose name is taken by a fixed column gets a "param." or "metric." prefix.
#include <string>
#include <vector>

#include "vmsweep/io/stored_trial.hpp"
#include "vmsweep/io/table.hpp"

namespace vmsweep::io {

struct TrialsTable {
  Table table;
  std::vector<std::string> param_columns;
  std::vector<std::string> metric_columns;
};

TrialsTable build_trials_table(const std::vector<StoredTrial>& trials);
// `origin` names the file in errors.
std::vector<StoredTrial> trials_from_table(const TrialsTable& trials, const std::string& origin);

}  // namespace vmsweep::io
