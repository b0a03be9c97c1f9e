#pragma once
// A trial's loss curve and predictions as Tables (and back), with the column names the schema
// documents: curves (epoch, train_loss, val_loss, learning_rate, seconds, and val_loss_h1 ..
// val_loss_h<H> with a horizon over 1) and predictions (timestamp_ms, actual, predicted, split,
// horizon_step).
#include <vector>

#include "vmsweep/io/table.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::io {

// `val_loss_by_step` is epochs x horizon (TrialResult::val_loss_by_step), possibly empty.
Table curve_table(const std::vector<EpochRecord>& curve, const std::vector<double>& val_loss_by_step);
std::vector<EpochRecord> curve_from_table(const Table& table);
// The val_loss_h<k> columns back into epochs x horizon; empty when the table has none.
std::vector<double> val_loss_by_step_from_table(const Table& table);

Table predictions_table(const Predictions& predictions);
Predictions predictions_from_table(const Table& table);

}  // namespace vmsweep::io
