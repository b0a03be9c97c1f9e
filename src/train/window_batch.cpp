#include "window_batch.hpp"

#include <numeric>

namespace vmsweep::train {

namespace {
std::size_t x_floats_per_window(const data::PreparedData& data) {
  return static_cast<std::size_t>(data.windows().look_back) * static_cast<std::size_t>(data.input_channels());
}
std::size_t y_floats_per_window(const data::PreparedData& data) {
  return static_cast<std::size_t>(data.windows().horizon);
}
}  // namespace

WindowBatch gather_range(const data::PreparedData& data, data::WindowRange range) {
  std::vector<std::size_t> windows(range.count);
  std::iota(windows.begin(), windows.end(), range.first);
  WindowBatch batch;
  batch.x.resize(range.count * x_floats_per_window(data));
  batch.y.resize(range.count * y_floats_per_window(data));
  batch.count = static_cast<int>(range.count);
  data.gather(windows, batch.x.data(), batch.y.data());
  return batch;
}

BatchBuffer::BatchBuffer(const data::PreparedData& data, int capacity)
    : data_(data),
      x_(static_cast<std::size_t>(capacity) * x_floats_per_window(data)),
      y_(static_cast<std::size_t>(capacity) * y_floats_per_window(data)) {}

void BatchBuffer::gather(std::span<const std::size_t> windows) { data_.gather(windows, x_.data(), y_.data()); }

}  // namespace vmsweep::train
