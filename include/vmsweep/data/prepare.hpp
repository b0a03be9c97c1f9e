#pragma once
// The data path of every trial: load -> clean -> resample -> split -> scale -> index windows.
// Windows are an index over one scaled series, not copies; gather() writes a time-major batch.
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

class PreparedData {
public:
  PreparedData() = default;
  PreparedData(std::vector<std::int64_t> timestamps_ms, std::vector<double> values, std::int64_t step_ms,
               const WindowSpec& windows, const SplitSpec& split, ScaleKind scale, ScaleFit fit);

  const std::vector<std::int64_t>& timestamps_ms() const { return timestamps_ms_; }  // Unix epoch ms
  const std::vector<double>& values() const { return values_; }                      // original units
  const std::vector<float>& scaled() const { return scaled_; }
  const Scaler& scaler() const { return scaler_; }
  const WindowSpec& windows() const { return windows_; }
  int input_channels() const { return 1; }
  std::size_t window_count() const { return window_count_; }
  WindowRange range(Split part) const;  // val may equal test (`val: test`)
  std::size_t window_start(std::size_t window) const { return window * static_cast<std::size_t>(windows_.stride); }
  std::size_t target_step(std::size_t window) const { return window_start(window) + windows_.look_back; }
  std::int64_t step_ms() const { return step_ms_; }   // spacing of the series after resampling
  std::size_t season_steps() const { return season_steps_; }
  const TraceReport& report() const { return report_; }

  // Writes a time-major batch without materialising all windows:
  // x[t*N*C + n*C + c] for t < look_back, n < windows.size(); y[n*horizon + k] (scaled units).
  void gather(std::span<const std::size_t> windows, float* x, float* y) const;

  void set_report(TraceReport report) { report_ = std::move(report); }
  void set_season_steps(std::size_t steps) { season_steps_ = steps; }

private:
  std::vector<std::int64_t> timestamps_ms_;
  std::vector<double> values_;
  std::vector<float> scaled_;
  std::int64_t step_ms_ = 0;
  WindowSpec windows_;
  std::size_t window_count_ = 0;
  WindowRange train_, val_, test_;
  Scaler scaler_;
  std::size_t season_steps_ = 1;
  TraceReport report_;
};

// Load -> clean -> resample -> split -> scale -> index windows. Runs TBB work in the caller's arena
// (the trainer wraps this in a tbb::task_arena with the trial's thread budget).
PreparedData prepare(const DataSpec& spec, const WindowSpec& windows);

}  // namespace vmsweep::data
