#include "vmsweep/train/run_trial.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include "model_config.hpp"
#include "split_metrics.hpp"
#include "thread_budget.hpp"
#include "trainer.hpp"
#include "validation_folds.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/train/forecast_scores.hpp"
#include "vmsweep/train/global_trial.hpp"
#include "vmsweep/train/predictor.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/trial_data.hpp"
#include "window_forecast.hpp"

namespace vmsweep::train {

namespace {

void evaluate(model::LstmStack& model, const data::PreparedData& data, TrialResult& result) {
  const eval::Forecast forecast = forecast_every_window(model, data);
  result.metrics = split_metrics(data, forecast);
  result.predictions = to_predictions(data, forecast);
}

// The refit model's test metrics and test rows replace the selection model's; train and val stay.
void take_test_part(const data::PreparedData& data, const eval::Forecast& forecast, TrialResult& result) {
  const Metrics refit = split_metrics(data, forecast);
  for (auto& [name, value] : result.metrics)
    if (name.starts_with("test_"))
      value = std::ranges::find(refit, name, &Metrics::value_type::first)->second;
  const Predictions rows = to_predictions(data, forecast);  // the same rows in the same order
  for (std::size_t row = 0; row < rows.split.size(); ++row)
    if (rows.split[row] == SplitPart::test) result.predictions.predicted[row] = rows.predicted[row];
}

// A fresh model (the same seed, so the same initial weights) learns from train + val for the
// selection run's best epoch count (and its highway from the selection run's ridge penalty); it is the
// model the test part and the kept model see.
void refit_for_test(const TrainSettings& settings, const data::PreparedData& data, double highway_lambda,
                    TrialResult& result) {
  model::LstmStack model(model_config_for(settings, data.input_channels()));
  const TrainingOutcome outcome = Trainer::refit(settings, model, data, result.best_epoch, highway_lambda).run({});
  if (outcome.status == TrialStatus::diverged) {
    result.status = TrialStatus::diverged;
    result.reason = "refit on train + val: " + outcome.reason;
    return;
  }
  take_test_part(data, forecast_every_window(model, data), result);
  result.model = make_checkpoint(settings.params, data, result.best_epoch, model);
}

// Split-conformal intervals: calibrated on the validation rows (of the selection model, which never
// learned from them), scored on the test rows; the kept model carries the calibration.
void add_intervals(int horizon, TrialResult& result) {
  add_interval_metrics(result.metrics, result.predictions, horizon);
  if (result.model) result.model->calibration = calibration_of(result.predictions, horizon).abs_errors;
}

void train_and_evaluate(const Value& params, int threads, const EpochCallback& on_epoch, TrialResult& result) {
  if (is_global_trial(params)) return train_global(params, threads, on_epoch, result);
  const TrainSettings settings = settings_from_params(params);
  result.params = settings.params;
  result.seed = settings.seed;
  ThreadBudget budget(threads);
  const data::PreparedData data = budget.run_in_arena([&] { return prepare_trial_data(settings); });
  model::LstmStack model(model_config_for(settings, data.input_channels()));
  TrainingOutcome outcome = Trainer(settings, model, data).run(on_epoch);
  const double highway_lambda = outcome.highway_lambda;
  take_outcome(std::move(outcome), result);
  if (result.status == TrialStatus::diverged) return;
  evaluate(model, data, result);
  result.model = make_checkpoint(settings.params, data, result.best_epoch, model);
  if (settings.val_folds > 1 && result.status == TrialStatus::ok) average_validation_over_folds(settings, data, result);
  if (settings.refit && result.status == TrialStatus::ok) refit_for_test(settings, data, highway_lambda, result);
  if (result.status != TrialStatus::diverged) add_intervals(settings.horizon, result);
}

// An exception from the caller's callback (a lost link to the coordinator, a full disk) is not the
// trial's fault: it is noted so that it passes on instead of failing the trial.
EpochCallback noting_failures(EpochCallback on_epoch, std::exception_ptr& caller_failure) {
  if (!on_epoch) return {};
  return [on_epoch = std::move(on_epoch), &caller_failure](const EpochRecord& record) {
    try {
      return on_epoch(record);
    } catch (...) {
      caller_failure = std::current_exception();
      throw;
    }
  };
}

}  // namespace

TrialResult run_trial(const Value& params, int threads, EpochCallback on_epoch) {
  const auto start = std::chrono::steady_clock::now();
  TrialResult result;
  result.params = params;
  result.threads = threads;
  std::exception_ptr caller_failure;
  try {
    train_and_evaluate(params, threads, noting_failures(std::move(on_epoch), caller_failure), result);
  } catch (const std::exception& error) {
    if (caller_failure) std::rethrow_exception(caller_failure);
    // InputError (bad parameters or data) and any other error alike: the trial failed, the sweep goes on.
    result.status = TrialStatus::failed;
    result.reason = error.what();
  }
  if (result.status == TrialStatus::failed || result.status == TrialStatus::diverged) result.model.reset();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace vmsweep::train
