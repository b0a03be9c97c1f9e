#pragma once
// The data path of every trial: load -> clean -> resample -> split -> scale -> index windows.
// Windows are an index over the scaled steps (and their sub-step history), not copies; gather() writes a
// time-major batch.
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/scaler.hpp"
#include "vmsweep/data/trace_report.hpp"

namespace vmsweep::data {

struct WindowSpec {
  int look_back = 14;
  int horizon = 1;
  int stride = 1;
};

enum class Split { train, val, test };
const char* split_name(Split part);

struct WindowRange {
  std::size_t first = 0;
  std::size_t count = 0;
  std::size_t end() const { return first + count; }
};

// Extra input values at a finer frequency than the series (`history_freq`): per_step values for every
// step, row-major (steps x per_step), in original units.
struct SubStepHistory {
  std::size_t per_step = 0;  // 0: none
  std::vector<double> values;
};

// The series a trial learns from, its windows and their parts. Every step carries C input channels:
// channel 0 is the scaled series itself, then its sub-step history (when there is one), scaled by a
// scaler of its own that is fitted the same way as the series' scaler, then one channel per season
// lag: the scaled series `lag` steps before the step's successor (scaled_inputs.hpp).
class PreparedData {
public:
  PreparedData() = default;
  PreparedData(std::vector<std::int64_t> timestamps_ms, std::vector<double> values, std::int64_t step_ms,
               const WindowSpec& windows, const SplitSpec& split, ScaleKind scale, ScaleFit fit,
               SubStepHistory history = {}, std::vector<std::size_t> season_lags = {});

  const std::vector<std::int64_t>& timestamps_ms() const { return timestamps_ms_; }  // Unix epoch ms
  const std::vector<double>& values() const { return values_; }                      // original units
  const std::vector<float>& scaled() const { return scaled_; }                      // the target, channel 0
  const Scaler& scaler() const { return scaler_; }
  const Scaler& history_scaler() const { return history_scaler_; }  // identity without a history
  const WindowSpec& windows() const { return windows_; }
  int input_channels() const { return 1 + static_cast<int>(sub_steps_ + season_lags_.size()); }
  const std::vector<std::size_t>& season_lags() const { return season_lags_; }  // in steps
  std::span<const float> inputs(std::size_t step) const;  // the input_channels() scaled inputs of a step
  std::size_t window_count() const { return window_count_; }
  WindowRange range(Split part) const;  // val may equal test (`val: test`)
  // The same data with other training and validation windows (a validation fold's, train's
  // validation_folds): what is fitted on training and scored on validation moves, nothing else.
  PreparedData with_parts(WindowRange train, WindowRange val) const;
  // Window w's (first) target step; its inputs are the look_back steps before it. Window 0 is the
  // first with its whole history inside the series (split.hpp: the grid ends with the last step).
  std::size_t target_step(std::size_t window) const { return first_target_ + window * static_cast<std::size_t>(windows_.stride); }
  std::size_t window_start(std::size_t window) const { return target_step(window) - windows_.look_back; }
  // The first and last step the windows of `part` target: for validation and test the same for
  // every look-back, horizon (with stride 1) and season lags of a data setting.
  std::pair<std::size_t, std::size_t> target_period(Split part) const;
  std::int64_t step_ms() const { return step_ms_; }   // spacing of the series after resampling
  std::size_t season_steps() const { return season_steps_; }
  const TraceReport& report() const { return report_; }

  // Writes a time-major batch without materialising all windows:
  // x[t*N*C + n*C + c] for t < look_back, n < windows.size(); y[n*horizon + k] (scaled units).
  // The inputs of a window are its look_back steps before the target step, all channels: nothing
  // from the target step or later.
  void gather(std::span<const std::size_t> windows, float* x, float* y) const;

  void set_report(TraceReport report) { report_ = std::move(report); }
  void set_season_steps(std::size_t steps) { season_steps_ = steps; }

private:
  std::vector<std::int64_t> timestamps_ms_;
  std::vector<double> values_;
  std::vector<float> scaled_;
  std::size_t sub_steps_ = 0;
  std::vector<std::size_t> season_lags_;
  Scaler history_scaler_;
  std::vector<float> inputs_;  // steps x C, row-major; empty when C == 1 (then scaled_ is the input)
  std::int64_t step_ms_ = 0;
  WindowSpec windows_;
  std::size_t first_target_ = 0;
  std::size_t window_count_ = 0;
  WindowRange train_, val_, test_;
  Scaler scaler_;
  std::size_t season_steps_ = 1;
  TraceReport report_;
};

// Load -> clean -> resample -> split -> scale -> index windows. Runs TBB work in the caller's arena
// (the trainer wraps this in a tbb::task_arena with the trial's thread budget). The loaded trace comes
// from the rank's trace cache when the same file was loaded alike before (trace_cache.hpp).
PreparedData prepare(const DataSpec& spec, const WindowSpec& windows);

}  // namespace vmsweep::data
