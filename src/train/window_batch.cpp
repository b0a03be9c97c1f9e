#include "window_batch.hpp"

#include <numeric>

namespace vmsweep::train {

WindowBatch gather_range(const data::PreparedData& data, data::WindowRange range) {
  std::vector<std::size_t> windows(range.count);
  std::iota(windows.begin(), windows.end(), range.first);
  return gather_windows(WindowPool(data), windows);
}

WindowBatch gather_windows(const WindowPool& pool, std::span<const std::size_t> ids) {
  WindowBatch batch;
  batch.x.resize(ids.size() * pool.x_floats_per_window());
  batch.y.resize(ids.size() * pool.y_floats_per_window());
  batch.count = static_cast<int>(ids.size());
  pool.gather(ids, batch.x.data(), batch.y.data());
  return batch;
}

BatchBuffer::BatchBuffer(const WindowPool& pool, int capacity)
    : pool_(pool),
      x_(static_cast<std::size_t>(capacity) * pool.x_floats_per_window()),
      y_(static_cast<std::size_t>(capacity) * pool.y_floats_per_window()) {}

void BatchBuffer::gather(std::span<const std::size_t> windows) { pool_.gather(windows, x_.data(), y_.data()); }

}  // namespace vmsweep::train
