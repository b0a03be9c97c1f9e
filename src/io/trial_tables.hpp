#pragma once
// A trial's loss curve and predictions as Tables (and back), with the column names the schema
// documents: curves (epoch, train_loss, val_loss, learning_rate, seconds) and predictions
// (timestamp_ms, actual, predicted, split, horizon_step).
#include <vector>

#include "vmsweep/io/table.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::io {

Table curve_table(const std::vector<EpochRecord>& curve);
std::vector<EpochRecord> curve_from_table(const Table& table);

Table predictions_table(const Predictions& predictions);
Predictions predictions_from_table(const Table& table);

}  // namespace vmsweep::io
