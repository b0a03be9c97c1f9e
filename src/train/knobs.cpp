#include "vmsweep/train/knobs.hpp"

#include <limits>
#include <vector>

#include "vmsweep/data/knobs.hpp"

namespace vmsweep::train {

namespace {
using T = Knob::Type;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Defaults are the notebook's setup, so `vmsweep train` with no options reproduces it.
std::vector<Knob> make_trainer_knobs() {
  return {
    {"look_back", T::integer, "14", "Input window length in steps", {}, 1, 1e6},
    {"horizon", T::integer, "1", "Steps predicted after each window (outputs of the dense head)", {}, 1, 1e4},
    {"layers", T::int_list, "[256, 128, 64]", "Hidden sizes of the stacked LSTM layers, input side first", {}, 1, 1e5},
    {"dropout", T::real, "0.2", "Inverted dropout between LSTM layers (probability of dropping)", {}, 0, 0.95},
    {"learning_rate", T::real, "0.001", "Initial learning rate", {}, 1e-12, 10},
    {"batch_size", T::integer, "32", "Windows per mini-batch", {}, 1, 1e6},
    {"epochs", T::integer, "100", "Maximum number of epochs", {}, 1, 1e6},
    {"patience", T::integer, "10", "Epochs without validation improvement before early stopping; 0 turns it off", {}, 0, 1e6},
    {"min_delta", T::real, "0", "Smallest validation-loss decrease that counts as an improvement", {}, 0, kInf},
    {"restore_best", T::boolean, "true", "Restore the weights of the best validation epoch when training ends", {}, -kInf, kInf},
    {"val_folds", T::integer, "1", "Validation periods a trial is scored on (rolling origin): fold k > 0 moves the validation part k of its own lengths earlier and trains a fresh model on the windows before it; val metrics are the mean over the folds, everything else (curves, test, predictions, checkpoint, pruning) is fold 0's, the ordinary split. The scaler stays the one fitted on the ordinary training part. Needs a validation part of its own (not val: test)", {}, 1, 20},
    {"refit", T::boolean, "false", "After early stopping on validation, train a fresh model (same seed and schedule) on the training and validation windows for the restored epoch's number of epochs and score the test part with it; validation metrics and curves stay those of the selection run. Needs a validation part of its own (not val: test)", {}, -kInf, kInf},
    {"lr_schedule", T::string, "exponential", "constant, exponential (x exp(-lr_decay_rate) per epoch after lr_decay_start), step, cosine or plateau", {"constant", "exponential", "step", "cosine", "plateau"}, -kInf, kInf},
    {"lr_decay_start", T::integer, "50", "exponential: epochs at the initial rate; epoch lr_decay_start + 1 is the first decayed (Keras' 0-based `epoch < 50`)", {}, 0, 1e6},
    {"lr_decay_rate", T::real, "0.1", "exponential: lr is multiplied by exp(-rate) per epoch", {}, 0, 100},
    {"lr_step_size", T::integer, "10", "step: epochs between decays", {}, 1, 1e6},
    {"lr_step_gamma", T::real, "0.5", "step and plateau: factor applied at each decay", {}, 1e-6, 1},
    {"lr_min", T::real, "0", "cosine and plateau: the lowest learning rate", {}, 0, kInf},
    {"lr_plateau_patience", T::integer, "5", "plateau: epochs without improvement before the rate drops", {}, 1, 1e6},
    {"optimizer", T::string, "adam", "adam (Keras defaults) or sgd", {"adam", "sgd"}, -kInf, kInf},
    {"beta1", T::real, "0.9", "Adam first-moment decay", {}, 0, 0.999999},
    {"beta2", T::real, "0.999", "Adam second-moment decay", {}, 0, 0.999999999},
    {"epsilon", T::real, "1e-7", "Adam epsilon (Keras default)", {}, 0, 1},
    {"loss", T::string, "mse", "Training loss: mse or huber", {"mse", "huber"}, -kInf, kInf},
    {"huber_delta", T::real, "1.0", "huber: the threshold between quadratic and linear", {}, 1e-9, kInf},
    {"init", T::string, "keras", "Weight initialisation: keras (Glorot-uniform input kernels, orthogonal recurrent kernels, forget-gate bias 1, as the notebook) or pytorch (every LSTM weight and both bias vectors uniform in +-1/sqrt(hidden), the head uniform in +-1/sqrt(fan_in), as torch.nn.LSTM and nn.Linear)", {"keras", "pytorch"}, -kInf, kInf},
    {"lstm_bias", T::string, "single", "single: one bias vector per gate (Keras); pair: two, b_ih + b_hh, as torch.nn.LSTM and cuDNN: the same function, but each vector gets the whole gradient, so under Adam or SGD the bias learns at twice the rate", {"single", "pair"}, -kInf, kInf},
    {"clip_norm", T::real, "0", "Clip gradients to this global L2 norm; 0 turns it off", {}, 0, kInf},
    {"seed", T::integer, "0", "Seed of initialisation, shuffling and dropout (a sweep derives it per trial)", {}, 0, 9.0e15},
  };
}

std::vector<Knob> make_all_knobs() {
  std::vector<Knob> knobs = make_trainer_knobs();
  for (const Knob& knob : data::data_knobs()) knobs.push_back(knob);
  return knobs;
}
}  // namespace

std::span<const Knob> trainer_knobs() {
  static const std::vector<Knob> knobs = make_trainer_knobs();
  return knobs;
}

std::span<const Knob> all_knobs() {
  static const std::vector<Knob> knobs = make_all_knobs();
  return knobs;
}

const Knob* find_knob(std::string_view name) {
  for (const Knob& knob : all_knobs())
    if (knob.name == name) return &knob;
  return nullptr;
}

}  // namespace vmsweep::train
