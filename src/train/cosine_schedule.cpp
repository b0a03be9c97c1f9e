#include <cmath>
#include <numbers>

#include "vmsweep/train/lr_schedule.hpp"

namespace vmsweep::train {

namespace {

class CosineSchedule final : public LrSchedule {
public:
  CosineSchedule(double initial, int epochs, double lr_min) : initial_(initial), epochs_(epochs), lr_min_(lr_min) {}
  double rate(int epoch) override {
    double progress = static_cast<double>(epoch - 1) / epochs_;
    return lr_min_ + (initial_ - lr_min_) * (1.0 + std::cos(std::numbers::pi * progress)) / 2.0;
  }

private:
  double initial_;
  int epochs_;
  double lr_min_;
};

}  // namespace

std::unique_ptr<LrSchedule> make_cosine_schedule(double initial, int epochs, double lr_min) {
  return std::make_unique<CosineSchedule>(initial, epochs, lr_min);
}

}  // namespace vmsweep::train
