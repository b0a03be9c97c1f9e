#include <cmath>

#include "vmsweep/train/lr_schedule.hpp"

namespace vmsweep::train {

namespace {

class StepSchedule final : public LrSchedule {
public:
  StepSchedule(double initial, int step_size, double gamma) : initial_(initial), step_size_(step_size), gamma_(gamma) {}
  double rate(int epoch) override { return initial_ * std::pow(gamma_, (epoch - 1) / step_size_); }

private:
  double initial_;
  int step_size_;
  double gamma_;
};

}  // namespace

std::unique_ptr<LrSchedule> make_step_schedule(double initial, int step_size, double gamma) {
  return std::make_unique<StepSchedule>(initial, step_size, gamma);
}

}  // namespace vmsweep::train
