#include "vmsweep/train/early_stopping.hpp"

#include <cmath>

namespace vmsweep::train {

bool EarlyStopping::observe(int epoch, double val_loss) {
  if (val_loss < best_loss_ - min_delta_) {
    best_loss_ = val_loss;
    best_epoch_ = epoch;
    has_best_ = true;
    epochs_without_improvement_ = 0;
    return true;
  }
  ++epochs_without_improvement_;
  return false;
}

bool EarlyStopping::observe_start(double val_loss) {
  if (!std::isfinite(val_loss)) return false;
  best_loss_ = val_loss;
  best_epoch_ = 0;
  has_best_ = true;
  return true;
}

}  // namespace vmsweep::train
