#include "vmsweep/train/trial_cost.hpp"

#include <algorithm>
#include <cmath>

#include "vmsweep/common/error.hpp"

namespace vmsweep::train {

namespace {

double chunks(std::size_t windows, int batch_size) {
  return std::ceil(static_cast<double>(windows) / static_cast<double>(std::max(1, batch_size)));
}

Calibration all_as_rate(const std::vector<StepTiming>& timings, int threads) {
  double flops = 0, seconds = 0;
  for (const StepTiming& timing : timings) flops += timing.flops, seconds += timing.seconds;
  return {0.0, seconds > 0 ? flops / seconds : 0.0, threads};
}

}  // namespace

double flops_per_epoch(const TrainSettings& settings, const EpochWindows& windows) {
  double step = 0.0, inputs = windows.input_channels;
  for (int hidden : settings.model.hidden) {
    step += 4.0 * hidden * (inputs + hidden) * 2.0;
    inputs = hidden;
  }
  const double sequence = step * settings.look_back;
  return sequence * (3.0 * static_cast<double>(windows.train) + static_cast<double>(windows.val));
}

double batches_per_epoch(const TrainSettings& settings, const EpochWindows& windows) {
  return chunks(windows.train, settings.batch_size) + chunks(windows.val, settings.batch_size);
}

double relative_cost(const TrainSettings& settings) {
  return flops_per_epoch(settings, EpochWindows{1, 0, 1}) * settings.epochs;
}

TrialWork trial_work(const TrainSettings& settings, const EpochWindows& windows) {
  return {flops_per_epoch(settings, windows) * settings.epochs, batches_per_epoch(settings, windows) * settings.epochs};
}

double seconds_of(const TrialWork& work, const Calibration& calibration) {
  const double flop_seconds = calibration.flops_per_second > 0 ? work.flops / calibration.flops_per_second : 0.0;
  return work.batches * calibration.seconds_per_batch + flop_seconds;
}

double seconds_per_epoch(const TrainSettings& settings, const EpochWindows& windows, const Calibration& calibration) {
  return seconds_of({flops_per_epoch(settings, windows), batches_per_epoch(settings, windows)}, calibration);
}

double trial_seconds(const TrainSettings& settings, const EpochWindows& windows, const Calibration& calibration) {
  return seconds_of(trial_work(settings, windows), calibration);
}

Calibration fit_calibration(const std::vector<StepTiming>& timings, int threads) {
  if (timings.empty()) throw InputError("a calibration needs at least one timed step");
  double n = 0, mean_flops = 0, mean_seconds = 0;
  for (const StepTiming& timing : timings) ++n, mean_flops += timing.flops, mean_seconds += timing.seconds;
  mean_flops /= n, mean_seconds /= n;
  double covariance = 0, variance = 0;
  for (const StepTiming& timing : timings) {
    covariance += (timing.flops - mean_flops) * (timing.seconds - mean_seconds);
    variance += (timing.flops - mean_flops) * (timing.flops - mean_flops);
  }
  if (variance <= 0 || covariance <= 0) return all_as_rate(timings, threads);
  const double seconds_per_flop = covariance / variance;
  const double fixed = mean_seconds - seconds_per_flop * mean_flops;
  if (fixed < 0) return all_as_rate(timings, threads);
  return {fixed, 1.0 / seconds_per_flop, threads};
}

}  // namespace vmsweep::train
