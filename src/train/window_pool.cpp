#include "window_pool.hpp"

#include <algorithm>
#include <numeric>

#include "vmsweep/common/error.hpp"

namespace vmsweep::train {

namespace {

bool same_shape(const data::PreparedData& a, const data::PreparedData& b) {
  return a.windows().look_back == b.windows().look_back && a.windows().horizon == b.windows().horizon &&
         a.input_channels() == b.input_channels();
}

}  // namespace

WindowPool::WindowPool(const data::PreparedData& data) : WindowPool(std::vector{&data}) {}

WindowPool::WindowPool(std::vector<const data::PreparedData*> traces) : traces_(std::move(traces)), first_ids_{0} {
  if (traces_.empty()) throw Error("a window pool needs at least one trace");
  for (const data::PreparedData* trace : traces_) {
    if (!same_shape(*trace, front()))
      throw InputError("the traces of a global model need the same look-back, horizon and input channels");
    first_ids_.push_back(first_ids_.back() + trace->window_count());
  }
}

std::vector<std::size_t> WindowPool::windows(data::Split part) const {
  std::vector<std::size_t> ids;
  for (std::size_t trace = 0; trace < traces_.size(); ++trace) {
    const data::WindowRange range = traces_[trace]->range(part);
    const std::size_t first = ids.size();
    ids.resize(first + range.count);
    std::iota(ids.begin() + static_cast<std::ptrdiff_t>(first), ids.end(), first_ids_[trace] + range.first);
  }
  return ids;
}

std::size_t WindowPool::x_floats_per_window() const {
  return static_cast<std::size_t>(front().windows().look_back) * static_cast<std::size_t>(front().input_channels());
}

std::size_t WindowPool::y_floats_per_window() const { return static_cast<std::size_t>(front().windows().horizon); }

void WindowPool::gather(std::span<const std::size_t> ids, float* x, float* y) const {
  if (traces_.size() == 1) return front().gather(ids, x, y);
  for (std::size_t n = 0; n < ids.size(); ++n) gather_one(ids[n], n, ids.size(), x, y);
}

// One window gathered alone, then put in its place among `batch` time-major windows.
void WindowPool::gather_one(std::size_t id, std::size_t position, std::size_t batch, float* x, float* y) const {
  if (id >= first_ids_.back()) throw Error("gather: window " + std::to_string(id) + " of " + std::to_string(first_ids_.back()));
  const auto trace = static_cast<std::size_t>(std::ranges::upper_bound(first_ids_, id) - first_ids_.begin()) - 1;
  const std::size_t window = id - first_ids_[trace], channels = static_cast<std::size_t>(front().input_channels());
  std::vector<float> one_x(x_floats_per_window());
  traces_[trace]->gather(std::span(&window, 1), one_x.data(), y + position * y_floats_per_window());
  const std::size_t steps = one_x.size() / channels;
  for (std::size_t t = 0; t < steps; ++t)
    std::copy_n(one_x.data() + t * channels, channels, x + (t * batch + position) * channels);
}

}  // namespace vmsweep::train
