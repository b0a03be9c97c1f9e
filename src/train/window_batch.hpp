#pragma once
// Windows gathered into the model's layout: x time-major (T x n x C), y n x horizon, scaled units.
#include <cstddef>
#include <span>
#include <vector>

#include "vmsweep/data/prepare.hpp"
#include "window_pool.hpp"

namespace vmsweep::train {

struct WindowBatch {
  std::vector<float> x;
  std::vector<float> y;
  int count = 0;
};

// Every window of `range`, in order, gathered once (for evaluation).
WindowBatch gather_range(const data::PreparedData& data, data::WindowRange range);
// The pool's windows `ids`, in order, gathered once.
WindowBatch gather_windows(const WindowPool& pool, std::span<const std::size_t> ids);

// Reusable buffers for training batches of at most `capacity` windows of a pool (which must outlive it).
class BatchBuffer {
public:
  BatchBuffer(const WindowPool& pool, int capacity);
  // Gathers `windows` (at most capacity of them) into x and y.
  void gather(std::span<const std::size_t> windows);
  const float* x() const { return x_.data(); }
  const float* y() const { return y_.data(); }

private:
  const WindowPool& pool_;
  std::vector<float> x_;
  std::vector<float> y_;
};

}  // namespace vmsweep::train
