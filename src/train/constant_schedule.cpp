#include "vmsweep/train/lr_schedule.hpp"

namespace vmsweep::train {

namespace {

class ConstantSchedule final : public LrSchedule {
public:
  explicit ConstantSchedule(double initial) : initial_(initial) {}
  double rate(int /*epoch*/) override { return initial_; }

private:
  double initial_;
};

}  // namespace

std::unique_ptr<LrSchedule> make_constant_schedule(double initial) {
  return std::make_unique<ConstantSchedule>(initial);
}

}  // namespace vmsweep::train
