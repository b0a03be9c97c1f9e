#include "vmsweep/train/run_trial.hpp"

#include <chrono>
#include <exception>
#include <filesystem>

#include "model_config.hpp"
#include "split_metrics.hpp"
#include "thread_budget.hpp"
#include "trainer.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/train/predictor.hpp"
#include "vmsweep/train/settings.hpp"
#include "window_forecast.hpp"

namespace vmsweep::train {

namespace {

// A relative trace path is read from the folder of the file that named it, else the working directory.
std::filesystem::path base_dir_of(const Value& data_block) {
  const Value* path = data_block.find("path");
  if (!path || path->mark().file.empty()) return {};
  return std::filesystem::path(path->mark().file).parent_path();
}

data::PreparedData prepare_data(const TrainSettings& settings, ThreadBudget& budget) {
  const data::DataSpec spec = data::DataSpec::from_value(settings.data_block, base_dir_of(settings.data_block));
  const data::WindowSpec windows{settings.look_back, settings.horizon, spec.stride};
  return budget.run_in_arena([&] { return data::prepare(spec, windows); });
}

void take_outcome(TrainingOutcome&& outcome, TrialResult& result) {
  result.status = outcome.status;
  result.reason = std::move(outcome.reason);
  result.curve = std::move(outcome.curve);
  result.epochs_run = outcome.diverged_epoch > 0 ? outcome.diverged_epoch : static_cast<int>(result.curve.size());
  result.best_epoch = outcome.best_epoch;
  result.diverged_epoch = outcome.diverged_epoch;
}

void evaluate(model::LstmStack& model, const data::PreparedData& data, TrialResult& result) {
  const eval::Forecast forecast = forecast_every_window(model, data);
  result.metrics = split_metrics(data, forecast);
  result.predictions = to_predictions(data, forecast);
}

void train_and_evaluate(const Value& params, int threads, const EpochCallback& on_epoch, TrainedTrial& trial) {
  TrialResult& result = trial.result;
  const TrainSettings settings = settings_from_params(params);
  result.params = settings.params;
  result.seed = settings.seed;
  ThreadBudget budget(threads);
  const data::PreparedData data = prepare_data(settings, budget);
  model::LstmStack model(model_config_for(settings, data.input_channels()));
  take_outcome(Trainer(settings, model, data).run(on_epoch), result);
  if (result.status == TrialStatus::diverged) return;
  evaluate(model, data, result);
  trial.checkpoint = make_checkpoint(settings.params, data.scaler(), result.best_epoch, model);
}

}  // namespace

TrainedTrial train_trial(const Value& params, int threads, EpochCallback on_epoch) {
  const auto start = std::chrono::steady_clock::now();
  TrainedTrial trial;
  trial.result.params = params;
  trial.result.threads = threads;
  try {
    train_and_evaluate(params, threads, on_epoch, trial);
  } catch (const std::exception& error) {
    // InputError (bad parameters or data) and any other error alike: the trial failed, the sweep goes on.
    trial.result.status = TrialStatus::failed;
    trial.result.reason = error.what();
    trial.checkpoint.reset();
  }
  trial.result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return trial;
}

TrialResult run_trial(const Value& params, int threads, EpochCallback on_epoch) {
  return train_trial(params, threads, std::move(on_epoch)).result;
}

}  // namespace vmsweep::train
