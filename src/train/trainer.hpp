#pragma once
// The epoch loop: seeded shuffled mini-batches of the training windows, the validation loss after
// every epoch, the learning-rate schedule, early stopping with the best weights restored.
// Only the train and validation parts are read; the test part never guides training.
// A refit trainer learns from the training and validation windows together for a fixed number of
// epochs (the selection run's best), with no validation and no early stopping.
// With ar_highway the trainer first writes the highway's ridge fit into the model
// (highway_init.hpp): on its training windows, the penalty chosen on its validation windows (a
// refit takes the selection run's penalty).
// A pooled trainer (`fleet: global`) learns from the windows of several traces at once, each scaled on
// its own: one shuffle over all their training windows, the validation loss over all their
// validation windows.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/model/lstm_stack.hpp"
#include "vmsweep/train/early_stopping.hpp"
#include "vmsweep/train/lr_schedule.hpp"
#include "vmsweep/train/run_trial.hpp"
#include "vmsweep/train/settings.hpp"
#include "window_batch.hpp"
#include "window_order.hpp"
#include "window_pool.hpp"

namespace vmsweep::train {

struct TrainingOutcome {
  TrialStatus status = TrialStatus::ok;
  std::string reason;
  std::vector<EpochRecord> curve;
  std::vector<double> val_loss_by_step;  // epochs x horizon with a horizon over 1 and validation windows
  int best_epoch = 0;      // the epoch whose weights the model holds at the end; 0 when diverged
  int diverged_epoch = 0;
  double highway_lambda = 0;  // with ar_highway: the ridge penalty the highway started from
};

// Copies a run's status, curves and epochs into a trial's result.
void take_outcome(TrainingOutcome&& outcome, TrialResult& result);

// The data's validation part when it is its own, right after train and before test; InputError
// naming `setting` otherwise (with `val: test`, a refit or a validation fold would learn from the
// test windows).
data::WindowRange own_validation(const data::PreparedData& data, const std::string& setting);

// The training and validation windows of a refit, one range.
std::vector<std::size_t> refit_windows(const data::PreparedData& data);

class Trainer {
public:
  Trainer(const TrainSettings& settings, model::LstmStack& model, const data::PreparedData& data);
  static Trainer refit(const TrainSettings& settings, model::LstmStack& model, const data::PreparedData& data,
                       int epochs, double highway_lambda);
  // A selection run on other windows than the data's own train and val parts (a validation fold).
  static Trainer on_ranges(const TrainSettings& settings, model::LstmStack& model, const data::PreparedData& data,
                           data::WindowRange train, data::WindowRange val);
  // A selection run on every trace's training windows, validated on every trace's validation
  // windows; InputError with ar_highway (its ridge start is fitted on one trace).
  static Trainer pooled(const TrainSettings& settings, model::LstmStack& model,
                        std::vector<const data::PreparedData*> traces);
  // The batch buffer points into the trainer's own pool: it is never copied or moved.
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;
  TrainingOutcome run(const EpochCallback& on_epoch);

private:
  // What one run learns from and how long: the selection run, or a refit.
  struct Plan {
    std::vector<std::size_t> windows;
    WindowBatch validation;  // empty: the training loss stands in
    int epochs = 0;
    int patience = 0;
    bool restore_best = false;
    std::optional<double> highway_lambda;  // none: chosen on `validation`
  };
  Trainer(const TrainSettings& settings, model::LstmStack& model, WindowPool pool, Plan plan);
  void start_highway_of(const Plan& plan);
  double train_epoch(double learning_rate);  // mean loss over the epoch's windows; NaN/inf on divergence
  double validation_loss(double train_loss);
  void record_step_losses(std::vector<double>& by_step) const;  // of the last validation_loss()
  void consider_start();
  void remember_if_best(int epoch, double val_loss);
  void finish(TrainingOutcome& outcome);

  const TrainSettings& settings_;
  model::LstmStack& model_;
  WindowPool pool_;
  WindowOrder order_;
  BatchBuffer batch_;
  WindowBatch validation_;
  std::vector<float> validation_output_;
  std::unique_ptr<LrSchedule> schedule_;
  EarlyStopping stopping_;
  int epochs_;
  bool restore_best_;
  std::vector<NamedTensor> best_weights_;
  double highway_lambda_ = 0;
};

}  // namespace vmsweep::train
