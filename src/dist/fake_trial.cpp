#include "fake_trial.hpp"

#include <functional>
#include <thread>

namespace vmsweep::dist {

namespace {

bool sleep_unless_interrupted(std::chrono::milliseconds duration, const InterruptWatch& interrupt) {
  auto end = std::chrono::steady_clock::now() + duration;
  constexpr auto slice = std::chrono::milliseconds(20);
  for (auto now = std::chrono::steady_clock::now(); now < end; now = std::chrono::steady_clock::now()) {
    if (interrupt.requested()) return false;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(slice, end - now));
  }
  return true;
}

}  // namespace

TrialFunction fake_trial(std::chrono::milliseconds duration, const InterruptWatch& interrupt) {
  return [duration, &interrupt](const Value& params, int threads, const EpochCallback& on_epoch) {
    auto start = std::chrono::steady_clock::now();
    TrialResult result;
    result.params = params;
    result.threads = threads;
    double pseudo_loss = static_cast<double>(std::hash<std::string>{}(params.to_json()) % 1000) / 1000.0;
    result.metrics = {{"val_mse", pseudo_loss}};
    if (!sleep_unless_interrupted(duration, interrupt)) {
      result.status = TrialStatus::stopped;
      result.reason = "interrupted";
    } else {
      result.epochs_run = result.best_epoch = 1;
      EpochRecord epoch{1, pseudo_loss, pseudo_loss, 0.0, 0.0};
      result.curve = {epoch};
      if (!on_epoch(epoch)) result.status = TrialStatus::stopped;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
  };
}

}  // namespace vmsweep::dist
