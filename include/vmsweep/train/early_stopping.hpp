#pragma once
// Early stopping on the validation loss, with Keras' EarlyStopping semantics: an epoch improves
// when its loss is below best - min_delta; training stops once `patience` epochs in a row have
// not improved. Patience 0 never stops.
#include <limits>

namespace vmsweep::train {

class EarlyStopping {
public:
  EarlyStopping(int patience, double min_delta) : patience_(patience), min_delta_(min_delta) {}

  // Records an epoch's validation loss (epochs in order, 1-based); true when it is the new best.
  bool observe(int epoch, double val_loss);
  // Records the validation loss of the model before its first epoch as a candidate (epoch 0) that
  // later epochs must beat; true when it is finite. Does not count towards patience.
  bool observe_start(double val_loss);
  bool has_best() const { return has_best_; }
  bool should_stop() const { return patience_ > 0 && epochs_without_improvement_ >= patience_; }
  int best_epoch() const { return best_epoch_; }  // 0: the start was best, or no finite loss yet
  double best_loss() const { return best_loss_; }

private:
  int patience_;
  double min_delta_;
  int best_epoch_ = 0;
  bool has_best_ = false;
  double best_loss_ = std::numeric_limits<double>::infinity();
  int epochs_without_improvement_ = 0;
};

}  // namespace vmsweep::train
