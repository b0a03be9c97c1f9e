#include <algorithm>
#include <cmath>

#include "vmsweep/train/lr_schedule.hpp"

namespace vmsweep::train {

namespace {

// Closed form of Keras' compounding `lr * exp(-rate)`; Keras compounds in float32, so its rates
// differ from these in the last bits only.
class ExponentialSchedule final : public LrSchedule {
public:
  ExponentialSchedule(double initial, int start, double rate) : initial_(initial), start_(start), rate_(rate) {}
  double rate(int epoch) override { return initial_ * std::exp(-rate_ * std::max(0, epoch - start_)); }

private:
  double initial_;
  int start_;
  double rate_;
};

}  // namespace

std::unique_ptr<LrSchedule> make_exponential_schedule(double initial, int start, double rate) {
  return std::make_unique<ExponentialSchedule>(initial, start, rate);
}

}  // namespace vmsweep::train
