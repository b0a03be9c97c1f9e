#include "vmsweep/train/calibrate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "model_config.hpp"
#include "thread_budget.hpp"

namespace vmsweep::train {

namespace {

using Clock = std::chrono::steady_clock;

// A noisy cycle, so that the steps do the work of real data (no denormals, no zeros to skip).
std::vector<float> synthetic(std::size_t count) {
  std::vector<float> values(count);
  for (std::size_t i = 0; i < count; ++i) values[i] = static_cast<float>(0.5 + 0.4 * std::sin(0.7 * static_cast<double>(i)));
  return values;
}

// The median step: a neighbour's burst on a shared machine moves it less than the mean.
StepTiming time_steps(const CalibrationModel& shape, double seconds_each) {
  const model::ModelConfig config = model_config_for(shape.settings, shape.input_channels);
  model::LstmStack model(config);
  const auto x = synthetic(static_cast<std::size_t>(config.time_steps) * config.batch * config.input_channels);
  const auto y = synthetic(static_cast<std::size_t>(config.batch) * config.horizon);
  const double flops = flops_per_epoch(shape.settings, {static_cast<std::size_t>(config.batch), 0, shape.input_channels});
  model.train_step(x.data(), y.data(), config.batch, 1e-4);
  std::vector<double> seconds;
  const Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds_each));
  while (seconds.size() < 3 || Clock::now() < end) {
    const Clock::time_point start = Clock::now();
    model.train_step(x.data(), y.data(), config.batch, 1e-4);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::nth_element(seconds.begin(), seconds.begin() + seconds.size() / 2, seconds.end());
  return {flops, seconds[seconds.size() / 2]};
}

}  // namespace

Calibration calibrate(const std::vector<CalibrationModel>& models, int threads, double seconds_each) {
  ThreadBudget budget(threads);
  std::vector<StepTiming> timings;
  for (const CalibrationModel& shape : models) timings.push_back(time_steps(shape, seconds_each));
  return fit_calibration(timings, threads);
}

}  // namespace vmsweep::train
