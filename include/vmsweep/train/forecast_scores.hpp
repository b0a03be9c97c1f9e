#pragma once
// What a forecast of several steps ahead is judged by beyond the pooled metrics, computed the same
// way from the prediction rows of a trial, an ensemble or a baseline: the error per step ahead, and
// split-conformal intervals calibrated on the validation rows with their coverage on the test rows.
#include <string>

#include "vmsweep/eval/conformal.hpp"
#include "vmsweep/eval/metrics.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::train {

// The levels whose coverage every trial reports (test_cover80, test_cover95).
inline constexpr double kReportedLevels[] = {0.8, 0.95};

// "h3": the suffix of step 3's metrics (val_mse_h3).
std::string step_suffix(int step);

// <part>_mse_h<k> and <part>_mae_h<k> for k = 1..horizon, appended when horizon > 1 (with one step
// they would repeat <part>_mse and <part>_mae). `scores` has one entry per step.
void add_step_metrics(Metrics& out, const std::string& part, const std::vector<eval::Metrics>& scores);

// add_step_metrics for the val and test rows (those that exist) of a prediction table.
void add_step_metrics(Metrics& out, const Predictions& rows, int horizon);

// The calibration of a model's intervals: the absolute errors of its validation rows per step or,
// with `val: test` (no validation rows of their own), of its test rows.
eval::Calibration calibration_of(const Predictions& rows, int horizon);

// test_cover80, test_width80, test_cover95, test_width95 (coverage a fraction, width in original
// units): the intervals calibrated on the validation rows, scored on the test rows. Nothing without
// validation rows of their own (`val: test` leaves no honest calibration to score).
void add_interval_metrics(Metrics& out, const Predictions& rows, int horizon);

}  // namespace vmsweep::train
