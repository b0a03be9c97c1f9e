#pragma once
// The model's outputs for every window of a prepared series, in original units, and the rows of
// TrialResult::predictions made from them.
#include <vector>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/baselines.hpp"
#include "vmsweep/model/lstm_stack.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::train {

// Predicts every window (dropout off) and inverts the scaling; actuals are the series' own values.
// Window-major, like the baselines: entry w * horizon + k is step k + 1 after window w.
eval::Forecast forecast_every_window(model::LstmStack& model, const data::PreparedData& data);

// One row per (window, horizon step) of the windows that belong to a part, labelled test before
// val before train (with `val: test` the shared windows are test rows); windows in no part are left out.
Predictions to_predictions(const data::PreparedData& data, const eval::Forecast& forecast);

}  // namespace vmsweep::train
