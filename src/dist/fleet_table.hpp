#pragma once
// /fleet of the aggregate: one row per trace, the trial chosen on that trace's validation and how
// it compares with the trace's baselines on the test part (docs/results-schema.md).
#include <functional>
#include <string>
#include <vector>

#include "vmsweep/io/stored_trial.hpp"
#include "vmsweep/io/sweep_meta.hpp"
#include "vmsweep/io/table.hpp"
#include "vmsweep/record/baseline_score.hpp"

namespace vmsweep::dist {

// The chosen trial is the best by the sweep's metric among the trace's trials that ended ok or
// stopped; each baseline is its row with the lowest val_mse at the chosen trial's horizon (chosen
// on validation, as the leaderboard does). A trace without such a trial gets an empty `trial` and NaNs.
// With global trials (`fleet: global`) one configuration serves every trace: the best global trial
// by the sweep's metric (pooled over the traces), its metrics on each trace. Column `mode` says which.
// Each row also holds the trace's guarded forecast (train/guarded_forecast.hpp, as the report's
// fleet rows: the trace's trials, a global fleet's global ones, ranked on that trace's validation),
// whose members' predictions `predictions_of(trial id, trace)` reads.
using PredictionsOf = std::function<Predictions(const std::string& trial_id, const std::string& trace)>;
io::Table fleet_table(const std::vector<io::StoredTrial>& trials, const std::vector<BaselineScore>& baselines,
                      const io::SweepMeta& meta, const PredictionsOf& predictions_of);

}  // namespace vmsweep::dist
