#pragma once
// The windows of one or several prepared traces as one numbered set, for a model that learns from
// all of them (`fleet: global`): window id = the first id of its trace + its index there, traces in
// order. Each trace keeps its own scaling; a batch may mix windows of every trace.
#include <cstddef>
#include <span>
#include <vector>

#include "vmsweep/data/prepare.hpp"

namespace vmsweep::train {

class WindowPool {
public:
  // One trace: ids are its own window indices, and gather() is the trace's own.
  explicit WindowPool(const data::PreparedData& data);
  // Several traces, prepared with one window spec (look-back, horizon, channels); InputError otherwise.
  explicit WindowPool(std::vector<const data::PreparedData*> traces);

  const data::PreparedData& front() const { return *traces_.front(); }
  std::size_t trace_count() const { return traces_.size(); }
  // The ids of every trace's windows of `part`, trace by trace.
  std::vector<std::size_t> windows(data::Split part) const;
  std::size_t x_floats_per_window() const;
  std::size_t y_floats_per_window() const;
  // data::PreparedData::gather over pool ids: x time-major (T x n x C), y n x horizon.
  void gather(std::span<const std::size_t> ids, float* x, float* y) const;

private:
  void gather_one(std::size_t id, std::size_t position, std::size_t batch, float* x, float* y) const;

  std::vector<const data::PreparedData*> traces_;
  std::vector<std::size_t> first_ids_;  // per trace, then the total
};

}  // namespace vmsweep::train
