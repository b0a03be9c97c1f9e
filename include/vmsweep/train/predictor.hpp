#pragma once
// A trained model rebuilt from a Checkpoint, to predict again: predictions after loading are
// bitwise those of the model the checkpoint was taken from (same thread count).
#include <span>
#include <vector>

#include "vmsweep/data/load_trace.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/model/lstm_stack.hpp"
#include "vmsweep/record/checkpoint.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/record/trial_result.hpp"

namespace vmsweep::train {

// The checkpoint of a trained model: its parameters as run, the data's scalers, the epoch whose
// weights it holds and those weights (no calibration yet).
Checkpoint make_checkpoint(const Value& params, const data::PreparedData& data, int best_epoch,
                           const model::LstmStack& model);
// The checkpoint's scalers become the data's (series and sub-step history).
void set_scalers(Checkpoint& checkpoint, const data::PreparedData& data);

class Predictor {
public:
  // Throws InputError when the parameters or weights do not describe a model.
  explicit Predictor(const Checkpoint& checkpoint);

  const TrainSettings& settings() const { return settings_; }
  const data::Scaler& scaler() const { return scaler_; }

  // Every window of `data` (prepared with the checkpoint's parameters, so with its scaler; Error
  // otherwise), in original units, as in TrialResult::predictions.
  Predictions predict(const data::PreparedData& data);

  // The next `horizon` values after the trace's last step (original units), from its last look_back
  // steps scaled with the checkpoint's scalers: bitwise the prediction the trial made for the window
  // that ends there. InputError when the trace has fewer steps, or its sub-step history (history_freq)
  // does not give the model's input channels.
  std::vector<double> forecast(const data::LoadedTrace& trace);
  // The same from bare values (at least look_back; the last look_back are used), for a univariate model.
  std::vector<double> forecast(std::span<const double> history);

private:
  TrainSettings settings_;
  data::Scaler scaler_;
  data::Scaler history_scaler_;
  model::LstmStack model_;
};

}  // namespace vmsweep::train
