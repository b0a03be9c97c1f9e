#include "vmsweep/train/parameters.hpp"

#include <vector>

#include "vmsweep/data/parameters.hpp"

namespace vmsweep::train {

namespace {

using model::ModelConfig;
using S = TrainSettings;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Defaults are the notebook's setup, so `vmsweep train` with no options reproduces it.
std::vector<Parameter<S>> declarations() {
  return {
    number("look_back", "14", {1, 1e6}, "Input window length in steps", &S::look_back),
    number("horizon", "1", {1, 1e4}, "Steps predicted at once after each window (direct: the dense head has one output per step); a window belongs to a part only when all its targets do, val and test get {val,test}_{mse,mae}_h<k> per step, and their mean is val_mse (docs/forecasting.md)", &S::horizon),
    number("layers", "[256, 128, 64]", {1, 1e5}, "Hidden sizes of the stacked LSTM layers, input side first", &S::model, &ModelConfig::hidden),
    number("dropout", "0.2", {0, 0.95}, "Inverted dropout between LSTM layers (probability of dropping)", &S::model, &ModelConfig::dropout),
    number("learning_rate", "0.001", {1e-12, 10}, "Initial learning rate", &S::learning_rate),
    number("batch_size", "32", {1, 1e6}, "Windows per mini-batch", &S::batch_size),
    number("epochs", "100", {1, 1e6}, "Maximum number of epochs", &S::epochs),
    number("patience", "10", {0, 1e6}, "Epochs without validation improvement before early stopping; 0 turns it off", &S::patience),
    number("min_delta", "0", {0, kInf}, "Smallest validation-loss decrease that counts as an improvement", &S::min_delta),
    flag("restore_best", "true", "Restore the weights of the best validation epoch when training ends", &S::restore_best),
    number("val_folds", "1", {1, 20}, "Validation periods a trial is scored on (rolling origin): fold k > 0 moves the validation part k of its own lengths earlier and trains a fresh model on the windows before it; val metrics are the mean over the folds, everything else (curves, test, predictions, checkpoint, pruning) is fold 0's, the ordinary split. The scaler stays the one fitted on the ordinary training part. The baselines take the same folds: their val metrics are the mean over them, each fold refitted (ridge AR's penalty and weights, SES's alpha) on its own training windows, so the leaderboard and the guarded forecast compare like with like; their test metrics stay fold 0's. Needs a validation part of its own (not val: test)", &S::val_folds),
    flag("refit", "false", "After early stopping on validation, train a fresh model (same seed and schedule) on the training and validation windows for the restored epoch's number of epochs and score the test part with it; validation metrics and curves stay those of the selection run. Needs a validation part of its own (not val: test)", &S::refit),
    choice("lr_schedule", "exponential",
           Choices<ScheduleKind>{{"constant", ScheduleKind::constant}, {"exponential", ScheduleKind::exponential},
                                 {"step", ScheduleKind::step}, {"cosine", ScheduleKind::cosine}, {"plateau", ScheduleKind::plateau}},
           "constant, exponential (x exp(-lr_decay_rate) per epoch after lr_decay_start), step, cosine or plateau", &S::schedule, &ScheduleSettings::kind),
    number("lr_decay_start", "50", {0, 1e6}, "exponential: epochs at the initial rate; epoch lr_decay_start + 1 is the first decayed (Keras' 0-based `epoch < 50`)", &S::schedule, &ScheduleSettings::decay_start),
    number("lr_decay_rate", "0.1", {0, 100}, "exponential: lr is multiplied by exp(-rate) per epoch", &S::schedule, &ScheduleSettings::decay_rate),
    number("lr_step_size", "10", {1, 1e6}, "step: epochs between decays", &S::schedule, &ScheduleSettings::step_size),
    number("lr_step_gamma", "0.5", {1e-6, 1}, "step and plateau: factor applied at each decay", &S::schedule, &ScheduleSettings::step_gamma),
    number("lr_min", "0", {0, kInf}, "cosine and plateau: the lowest learning rate", &S::schedule, &ScheduleSettings::lr_min),
    number("lr_plateau_patience", "5", {1, 1e6}, "plateau: epochs without improvement before the rate drops", &S::schedule, &ScheduleSettings::plateau_patience),
    choice("optimizer", "adam",
           Choices<model::OptimizerKind>{{"adam", model::OptimizerKind::adam}, {"sgd", model::OptimizerKind::sgd}, {"adamw", model::OptimizerKind::adamw}},
           "adam (Keras defaults), sgd, or adamw (adam with decoupled weight_decay)", &S::model, &ModelConfig::optimizer),
    number("weight_decay", "0", {0, 1}, "Weight decay on every parameter: added to the gradient as wd x weight (L2, torch's Adam and SGD) with adam and sgd, or decoupled with adamw (weight x (1 - lr wd) each step, torch's AdamW); 0 turns it off", &S::model, &ModelConfig::weight_decay),
    number("beta1", "0.9", {0, 0.999999}, "Adam first-moment decay", &S::model, &ModelConfig::beta1),
    number("beta2", "0.999", {0, 0.999999999}, "Adam second-moment decay", &S::model, &ModelConfig::beta2),
    number("epsilon", "1e-7", {0, 1}, "Adam epsilon (Keras default)", &S::model, &ModelConfig::epsilon),
    choice("loss", "mse", Choices<model::LossKind>{{"mse", model::LossKind::mse}, {"huber", model::LossKind::huber}},
           "Training loss: mse or huber", &S::model, &ModelConfig::loss),
    number("huber_delta", "1.0", {1e-9, kInf}, "huber: the threshold between quadratic and linear", &S::model, &ModelConfig::huber_delta),
    choice("init", "keras", Choices<model::InitScheme>{{"keras", model::InitScheme::keras}, {"pytorch", model::InitScheme::pytorch}},
           "Weight initialisation: keras (Glorot-uniform input kernels, orthogonal recurrent kernels, forget-gate bias 1, as the notebook) or pytorch (every LSTM weight and both bias vectors uniform in +-1/sqrt(hidden), the head uniform in +-1/sqrt(fan_in), as torch.nn.LSTM and nn.Linear)", &S::model, &ModelConfig::init),
    choice("lstm_bias", "single", Choices<model::LstmBias>{{"single", model::LstmBias::single}, {"pair", model::LstmBias::pair}},
           "single: one bias vector per gate (Keras); pair: two, b_ih + b_hh, as torch.nn.LSTM and cuDNN: the same function, but each vector gets the whole gradient, so under Adam or SGD the bias learns at twice the rate", &S::model, &ModelConfig::lstm_bias),
    number("clip_norm", "0", {0, kInf}, "Clip gradients to this global L2 norm; 0 turns it off", &S::model, &ModelConfig::clip_norm),
    choice("window_norm", "none",
           Choices<model::WindowNorm>{{"none", model::WindowNorm::none}, {"last", model::WindowNorm::last},
                                      {"mean", model::WindowNorm::mean}, {"std", model::WindowNorm::std}},
           "Level-free inputs (reversible instance normalisation): each window's inputs, every channel, are shifted by its own location and divided by its own scale, taken from its value channel: last (the last value, scale 1), mean (the mean, scale 1) or std (the mean, scale sqrt(variance + 0.01^2) in scaled units); the network's output is mapped back, y = anchor + scale * head. none: off (docs/levers.md)", &S::model, &ModelConfig::window_norm),
    choice("target", "level", Choices<model::TargetKind>{{"level", model::TargetKind::level}, {"delta", model::TargetKind::delta}},
           "level: the network predicts the value (around window_norm's location); delta: the change from the window's last value, y = last + scale * head (scale 1 without window_norm std)", &S::model, &ModelConfig::target),
    number("ar_highway", "0", {0, 1e6}, "A linear autoregression on the window's last K values (scaled units, before window_norm) added to the network's output, one per step ahead, trained jointly (same optimizer and rate) from the closed-form ridge fit of the target minus the anchor on the training windows, its penalty chosen on validation from the ridge AR baseline's grid; with window_norm none and target level the model family contains ridge AR. K <= look_back (else exit 2); 0: off", &S::model, &ModelConfig::ar_highway),
    flag("ar_highway_channels", "false", "With ar_highway, the highway also reads the last step of every other input channel: each season lag's value one lag before the target (a seasonal linear autoregression, started with the rest from the ridge fit), and history_freq's sub-step values; ignored without ar_highway", &S::model, &ModelConfig::ar_highway_channels),
    number("seed", "0", {0, 9.0e15}, "Seed of initialisation, shuffling and dropout (a sweep derives it per trial)", &S::seed),
  };
}

std::vector<Knob> concatenated(std::span<const Knob> first, std::span<const Knob> second) {
  std::vector<Knob> knobs(first.begin(), first.end());
  knobs.insert(knobs.end(), second.begin(), second.end());
  return knobs;
}

}  // namespace

const ParameterTable<TrainSettings>& trainer_parameters() {
  static const ParameterTable<TrainSettings> table(declarations());
  return table;
}

std::span<const Knob> all_knobs() {
  static const std::vector<Knob> knobs = concatenated(trainer_parameters().knobs(), data::data_knobs());
  return knobs;
}

const Knob* find_knob(std::string_view name) {
  for (const Knob& knob : all_knobs())
    if (knob.name == name) return &knob;
  return nullptr;
}

}  // namespace vmsweep::train
