#include "vmsweep/train/early_stopping.hpp"

namespace vmsweep::train {

bool EarlyStopping::observe(int epoch, double val_loss) {
  if (val_loss < best_loss_ - min_delta_) {
    best_loss_ = val_loss;
    best_epoch_ = epoch;
    epochs_without_improvement_ = 0;
    return true;
  }
  ++epochs_without_improvement_;
  return false;
}

}  // namespace vmsweep::train
