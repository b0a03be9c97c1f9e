#include <algorithm>
#include <limits>

#include "vmsweep/train/lr_schedule.hpp"

namespace vmsweep::train {

namespace {

class PlateauSchedule final : public LrSchedule {
public:
  PlateauSchedule(double initial, int patience, double gamma, double lr_min, double min_delta)
      : current_(initial), patience_(patience), gamma_(gamma), lr_min_(lr_min), min_delta_(min_delta) {}

  double rate(int /*epoch*/) override { return current_; }

  void observe(double val_loss) override {
    if (val_loss < best_ - min_delta_) {
      best_ = val_loss;
      waited_ = 0;
      return;
    }
    if (++waited_ < patience_) return;
    current_ = std::max(current_ * gamma_, lr_min_);
    waited_ = 0;
  }

private:
  double current_;
  int patience_;
  double gamma_;
  double lr_min_;
  double min_delta_;
  double best_ = std::numeric_limits<double>::infinity();
  int waited_ = 0;
};

}  // namespace

std::unique_ptr<LrSchedule> make_plateau_schedule(double initial, int patience, double gamma, double lr_min,
                                                  double min_delta) {
  return std::make_unique<PlateauSchedule>(initial, patience, gamma, lr_min, min_delta);
}

}  // namespace vmsweep::train
