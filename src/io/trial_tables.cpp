#include "trial_tables.hpp"

#include <string>

namespace vmsweep::io {

namespace {

// Gathers one field of every record into a column.
template <typename Field>
Column gather(const std::string& name, const std::vector<EpochRecord>& curve, Field field) {
  std::vector<std::decay_t<decltype(curve.front().*field)>> values;
  values.reserve(curve.size());
  for (const auto& record : curve) values.push_back(record.*field);
  return Column{name, std::move(values), {}};
}

template <typename Field, typename T>
void scatter(const std::vector<T>& values, std::vector<EpochRecord>& curve, Field field) {
  curve.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) curve[i].*field = values[i];
}

std::string step_loss_column(std::size_t step) { return "val_loss_h" + std::to_string(step); }

const std::vector<std::string>& split_labels() {
  static const std::vector<std::string> labels{"train", "val", "test"};  // SplitPart's values 0, 1, 2
  return labels;
}

}  // namespace

Table curve_table(const std::vector<EpochRecord>& curve, const std::vector<double>& val_loss_by_step) {
  using R = EpochRecord;
  Table table{{gather("epoch", curve, &R::epoch), gather("train_loss", curve, &R::train_loss),
               gather("val_loss", curve, &R::val_loss), gather("learning_rate", curve, &R::learning_rate),
               gather("seconds", curve, &R::seconds)}};
  const std::size_t horizon = curve.empty() ? 0 : val_loss_by_step.size() / curve.size();
  for (std::size_t k = 0; k < horizon; ++k) {
    std::vector<double> losses;
    for (std::size_t epoch = 0; epoch < curve.size(); ++epoch) losses.push_back(val_loss_by_step[epoch * horizon + k]);
    table.columns.push_back({step_loss_column(k + 1), std::move(losses), {}});
  }
  return table;
}

std::vector<double> val_loss_by_step_from_table(const Table& table) {
  std::vector<const std::vector<double>*> steps;
  while (table.find(step_loss_column(steps.size() + 1))) steps.push_back(&table.values<double>(step_loss_column(steps.size() + 1)));
  std::vector<double> by_step;
  for (std::size_t epoch = 0; !steps.empty() && epoch < steps.front()->size(); ++epoch)
    for (const std::vector<double>* losses : steps) by_step.push_back((*losses)[epoch]);
  return by_step;
}

std::vector<EpochRecord> curve_from_table(const Table& table) {
  using R = EpochRecord;
  std::vector<R> curve;
  scatter(table.values<std::int32_t>("epoch"), curve, &R::epoch);
  scatter(table.values<double>("train_loss"), curve, &R::train_loss);
  scatter(table.values<double>("val_loss"), curve, &R::val_loss);
  scatter(table.values<double>("learning_rate"), curve, &R::learning_rate);
  scatter(table.values<double>("seconds"), curve, &R::seconds);
  return curve;
}

Table predictions_table(const Predictions& predictions) {
  std::vector<std::int8_t> split;
  split.reserve(predictions.split.size());
  for (auto part : predictions.split) split.push_back(static_cast<std::int8_t>(part));
  return Table{{{"timestamp_ms", predictions.timestamp_ms, {}},
                {"actual", predictions.actual, {}},
                {"predicted", predictions.predicted, {}},
                {"split", std::move(split), split_labels()},
                {"horizon_step", predictions.horizon_step, {}}}};
}

Predictions predictions_from_table(const Table& table) {
  Predictions predictions;
  predictions.timestamp_ms = table.values<std::int64_t>("timestamp_ms");
  predictions.actual = table.values<double>("actual");
  predictions.predicted = table.values<double>("predicted");
  for (auto part : table.values<std::int8_t>("split")) predictions.split.push_back(static_cast<SplitPart>(part));
  predictions.horizon_step = table.values<std::int32_t>("horizon_step");
  return predictions;
}

}  // namespace vmsweep::io
