#include "validation_folds.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "model_config.hpp"
#include "split_metrics.hpp"
#include "trainer.hpp"
#include "vmsweep/common/error.hpp"
#include "window_forecast.hpp"

namespace vmsweep::train {

namespace {

// Fold k's validation metrics, or nothing when its training diverged (then `result` says so).
std::optional<Metrics> validate_fold(const TrainSettings& settings, const data::PreparedData& data, int fold,
                                     TrialResult& result) {
  const FoldRanges ranges = fold_ranges(data, fold);
  model::LstmStack model(model_config_for(settings, data.input_channels()));
  const TrainingOutcome outcome = Trainer::on_ranges(settings, model, data, ranges.train, ranges.val).run({});
  if (outcome.status == TrialStatus::diverged) {
    result.status = TrialStatus::diverged;
    result.reason = "validation fold " + std::to_string(fold) + ": " + outcome.reason;
    return std::nullopt;
  }
  return range_metrics(data, forecast_every_window(model, data), ranges.val, "val", true);
}

}  // namespace

FoldRanges fold_ranges(const data::PreparedData& data, int fold) {
  const data::WindowRange train = data.range(data::Split::train), val = own_validation(data, "val_folds");
  const std::size_t shift = static_cast<std::size_t>(fold) * val.count;
  if (shift >= train.count)
    throw InputError("val_folds: fold " + std::to_string(fold) + " would leave no training windows (" +
                     std::to_string(train.count) + " training and " + std::to_string(val.count) +
                     " validation windows); use fewer folds");
  return {{train.first, train.count - shift}, {val.first - shift, val.count}};
}

void average_validation_over_folds(const TrainSettings& settings, const data::PreparedData& data, TrialResult& result) {
  std::vector<Metrics> folds;
  for (int fold = 1; fold < settings.val_folds; ++fold) {
    std::optional<Metrics> scores = validate_fold(settings, data, fold, result);
    if (!scores) return;
    folds.push_back(std::move(*scores));
  }
  for (auto& [name, value] : result.metrics) {
    if (!name.starts_with("val_")) continue;
    for (const Metrics& scores : folds) value += std::ranges::find(scores, name, &Metrics::value_type::first)->second;
    value /= settings.val_folds;
  }
}

}  // namespace vmsweep::train
