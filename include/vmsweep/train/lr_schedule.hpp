#pragma once
// Learning-rate schedules behind one interface; each lives in its own src/train/*_schedule.cpp.
// Epochs are 1-based, as in EpochRecord.
#include <memory>

#include "vmsweep/train/settings.hpp"

namespace vmsweep::train {

class LrSchedule {
public:
  virtual ~LrSchedule() = default;
  // The rate to train epoch `epoch` with; called once per epoch, in order.
  virtual double rate(int epoch) = 0;
  // The validation loss after an epoch; only reduce-on-plateau listens.
  virtual void observe(double /*val_loss*/) {}
};

// constant: the initial rate throughout.
std::unique_ptr<LrSchedule> make_constant_schedule(double initial);
// exponential: the initial rate for epochs 1..start, then x exp(-rate) per epoch, so epoch start+1
// runs at initial x exp(-rate). This is the notebook's Keras LearningRateScheduler, whose 0-based
// `epoch < 50` test keeps the first 50 epochs undecayed.
std::unique_ptr<LrSchedule> make_exponential_schedule(double initial, int start, double rate);
// step: initial x gamma^floor((epoch - 1) / step_size) (PyTorch StepLR).
std::unique_ptr<LrSchedule> make_step_schedule(double initial, int step_size, double gamma);
// cosine: lr_min + (initial - lr_min) (1 + cos(pi (epoch - 1) / epochs)) / 2 (PyTorch
// CosineAnnealingLR with T_max = epochs).
std::unique_ptr<LrSchedule> make_cosine_schedule(double initial, int epochs, double lr_min);
// plateau: after `patience` epochs whose validation loss did not beat the best by more than
// min_delta, the rate is multiplied by gamma (never below lr_min) and the count restarts
// (Keras ReduceLROnPlateau without cooldown).
std::unique_ptr<LrSchedule> make_plateau_schedule(double initial, int patience, double gamma, double lr_min,
                                                  double min_delta);

// The schedule the settings name.
std::unique_ptr<LrSchedule> make_schedule(const TrainSettings& settings);

}  // namespace vmsweep::train
