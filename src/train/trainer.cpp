#include "trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <span>

#include "highway_init.hpp"
#include "vmsweep/model/loss.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::train {

namespace {

std::vector<std::size_t> windows_of(data::WindowRange range) {
  std::vector<std::size_t> windows(range.count);
  std::iota(windows.begin(), windows.end(), range.first);
  return windows;
}

std::vector<std::size_t> training_windows(const data::PreparedData& data) {
  data::WindowRange range = data.range(data::Split::train);
  if (range.count == 0) throw InputError("the training part has no windows: the series is too short for the split");
  return windows_of(range);
}

}  // namespace

void take_outcome(TrainingOutcome&& outcome, TrialResult& result) {
  result.status = outcome.status;
  result.reason = std::move(outcome.reason);
  result.curve = std::move(outcome.curve);
  result.val_loss_by_step = std::move(outcome.val_loss_by_step);
  result.epochs_run = outcome.diverged_epoch > 0 ? outcome.diverged_epoch : static_cast<int>(result.curve.size());
  result.best_epoch = outcome.best_epoch;
  result.diverged_epoch = outcome.diverged_epoch;
}

data::WindowRange own_validation(const data::PreparedData& data, const std::string& setting) {
  const data::WindowRange train = data.range(data::Split::train), val = data.range(data::Split::val);
  if (val.count == 0 || val.first < train.end() || val.end() > data.range(data::Split::test).first)
    throw InputError(setting + " needs a validation part of its own between train and test (with `val: test` "
                     "it would learn from the test windows)");
  return val;
}

// With a horizon over 1 this includes the windows between the two parts, whose targets straddle the
// boundary: every one of them lies in train or val, both of which a refit learns from.
std::vector<std::size_t> refit_windows(const data::PreparedData& data) {
  const data::WindowRange train = data.range(data::Split::train);
  return windows_of({train.first, own_validation(data, "refit: true").end() - train.first});
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The mean loss of every step ahead: entry k over the outputs k, k + horizon, k + 2 horizon, ...
std::vector<double> losses_by_step(const model::ModelConfig& config, const std::vector<float>& output,
                                   const std::vector<float>& target) {
  const std::size_t horizon = static_cast<std::size_t>(config.horizon), windows = output.size() / horizon;
  std::vector<double> losses;
  std::vector<float> step_output(windows), step_target(windows);
  for (std::size_t k = 0; k < horizon; ++k) {
    for (std::size_t n = 0; n < windows; ++n) {
      step_output[n] = output[n * horizon + k];
      step_target[n] = target[n * horizon + k];
    }
    losses.push_back(model::mean_loss(config.loss, config.huber_delta, step_output.data(), step_target.data(), windows));
  }
  return losses;
}

std::string diverged_reason(int epoch, double loss) {
  return "the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") + " in epoch " +
         std::to_string(epoch);
}

}  // namespace

Trainer::Trainer(const TrainSettings& settings, model::LstmStack& model, const data::PreparedData& data)
    : Trainer(settings, model, WindowPool(data),
              Plan{training_windows(data), gather_range(data, data.range(data::Split::val)), settings.epochs,
                   settings.patience, settings.restore_best, std::nullopt}) {}

// The schedule still sees settings.epochs (cosine anneals over it), so every refit epoch runs at the
// rate the selection run used in that epoch.
Trainer Trainer::refit(const TrainSettings& settings, model::LstmStack& model, const data::PreparedData& data,
                       int epochs, double highway_lambda) {
  return Trainer(settings, model, WindowPool(data), Plan{refit_windows(data), WindowBatch{}, epochs, 0, false, highway_lambda});
}

Trainer Trainer::on_ranges(const TrainSettings& settings, model::LstmStack& model, const data::PreparedData& data,
                           data::WindowRange train, data::WindowRange val) {
  return Trainer(settings, model, WindowPool(data),
                 Plan{windows_of(train), gather_range(data, val), settings.epochs, settings.patience, settings.restore_best,
                      std::nullopt});
}

Trainer Trainer::pooled(const TrainSettings& settings, model::LstmStack& model,
                        std::vector<const data::PreparedData*> traces) {
  if (model.config().ar_highway > 0)
    throw InputError("ar_highway is not available with fleet: global (its ridge start is fitted on one trace)");
  for (const data::PreparedData* trace : traces) training_windows(*trace);  // every trace has training windows
  WindowPool pool(std::move(traces));
  std::vector<std::size_t> train = pool.windows(data::Split::train);
  WindowBatch validation = gather_windows(pool, pool.windows(data::Split::val));
  return Trainer(settings, model, std::move(pool),
                 Plan{std::move(train), std::move(validation), settings.epochs, settings.patience, settings.restore_best,
                      std::nullopt});
}

Trainer::Trainer(const TrainSettings& settings, model::LstmStack& model, WindowPool pool, Plan plan)
    : settings_(settings),
      model_(model),
      pool_(std::move(pool)),
      order_(std::move(plan.windows), static_cast<std::uint64_t>(settings.seed)),
      batch_(pool_, settings.batch_size),
      validation_(std::move(plan.validation)),
      validation_output_(validation_.y.size()),
      schedule_(make_schedule(settings)),
      stopping_(plan.patience, settings.min_delta),
      epochs_(plan.epochs),
      restore_best_(plan.restore_best) {
  if (model.config().ar_highway > 0) start_highway_of(plan);
}

// The highway's ridge fit reads one trace (a pooled trainer refuses it).
void Trainer::start_highway_of(const Plan& plan) {
  if (plan.highway_lambda) {
    highway_lambda_ = *plan.highway_lambda;
    start_highway(model_, pool_.front(), order_.windows(), highway_lambda_);
  } else {
    highway_lambda_ = start_highway(model_, pool_.front(), order_.windows(), validation_);
  }
}

TrainingOutcome Trainer::run(const EpochCallback& on_epoch) {
  TrainingOutcome outcome;
  outcome.highway_lambda = highway_lambda_;
  consider_start();
  for (int epoch = 1; epoch <= epochs_; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    EpochRecord record{epoch, 0.0, 0.0, schedule_->rate(epoch), 0.0};
    record.train_loss = train_epoch(record.learning_rate);
    record.val_loss = std::isfinite(record.train_loss) ? validation_loss(record.train_loss) : record.train_loss;
    if (!std::isfinite(record.val_loss)) {
      outcome.status = TrialStatus::diverged;
      outcome.diverged_epoch = epoch;
      outcome.reason = diverged_reason(epoch, record.val_loss);
      return outcome;
    }
    schedule_->observe(record.val_loss);
    remember_if_best(epoch, record.val_loss);
    record_step_losses(outcome.val_loss_by_step);
    record.seconds = seconds_since(start);
    outcome.curve.push_back(record);
    if (on_epoch && !on_epoch(record)) {
      outcome.status = TrialStatus::stopped;
      outcome.reason = "stopped after epoch " + std::to_string(epoch) + " by the epoch callback";
      break;
    }
    if (stopping_.should_stop()) break;
  }
  finish(outcome);
  return outcome;
}

double Trainer::train_epoch(double learning_rate) {
  const std::vector<std::size_t>& windows = order_.shuffled();
  const std::size_t batch_size = static_cast<std::size_t>(settings_.batch_size);
  double weighted_sum = 0.0;
  for (std::size_t first = 0; first < windows.size(); first += batch_size) {
    const std::size_t count = std::min(batch_size, windows.size() - first);
    batch_.gather(std::span(windows).subspan(first, count));
    const double loss = model_.train_step(batch_.x(), batch_.y(), static_cast<int>(count), learning_rate);
    if (!std::isfinite(loss)) return loss;
    weighted_sum += loss * static_cast<double>(count);
  }
  return weighted_sum / static_cast<double>(windows.size());
}

// Without validation windows the training loss stands in, so early stopping still has a signal.
double Trainer::validation_loss(double train_loss) {
  if (validation_.count == 0) return train_loss;
  model_.predict(validation_.x.data(), validation_.count, validation_output_.data());
  const model::ModelConfig& loss = settings_.model;
  return model::mean_loss(loss.loss, loss.huber_delta, validation_output_.data(), validation_.y.data(),
                          validation_output_.size());
}

void Trainer::record_step_losses(std::vector<double>& by_step) const {
  if (settings_.horizon < 2 || validation_.count == 0) return;
  const std::vector<double> losses = losses_by_step(model_.config(), validation_output_, validation_.y);
  by_step.insert(by_step.end(), losses.begin(), losses.end());
}

// With the highway the model starts as its linear fit (model_parameters.cpp): a restore candidate
// like any epoch, so the trial's validation loss is never worse than that of the fit it started from.
void Trainer::consider_start() {
  if (model_.config().ar_highway == 0 || !restore_best_ || validation_.count == 0) return;
  if (stopping_.observe_start(validation_loss(0.0))) best_weights_ = model_.weights();
}

void Trainer::remember_if_best(int epoch, double val_loss) {
  if (stopping_.observe(epoch, val_loss) && restore_best_) best_weights_ = model_.weights();
}

void Trainer::finish(TrainingOutcome& outcome) {
  const int last_epoch = outcome.curve.empty() ? 0 : outcome.curve.back().epoch;
  outcome.best_epoch = last_epoch;
  if (!restore_best_ || !stopping_.has_best() || stopping_.best_epoch() == last_epoch) return;
  model_.set_weights(best_weights_);
  outcome.best_epoch = stopping_.best_epoch();
}

}  // namespace vmsweep::train
