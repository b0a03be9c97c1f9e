#include "vmsweep/train/lr_schedule.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::train {

std::unique_ptr<LrSchedule> make_schedule(const TrainSettings& settings) {
  const ScheduleSettings& s = settings.schedule;
  const double initial = settings.learning_rate;
  switch (s.kind) {
    case ScheduleKind::constant: return make_constant_schedule(initial);
    case ScheduleKind::exponential: return make_exponential_schedule(initial, s.decay_start, s.decay_rate);
    case ScheduleKind::step: return make_step_schedule(initial, s.step_size, s.step_gamma);
    case ScheduleKind::cosine: return make_cosine_schedule(initial, settings.epochs, s.lr_min);
    case ScheduleKind::plateau:
      return make_plateau_schedule(initial, s.plateau_patience, s.step_gamma, s.lr_min, settings.min_delta);
  }
  throw Error("unknown lr_schedule");
}

}  // namespace vmsweep::train
