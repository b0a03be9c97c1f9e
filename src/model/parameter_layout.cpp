#include "parameter_layout.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

#include "vmsweep/common/error.hpp"

namespace vmsweep::model {

namespace {

constexpr std::size_t slot_alignment = 16;  // floats

std::string shape_text(const std::vector<std::int64_t>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

const NamedTensor& find_tensor(const std::vector<NamedTensor>& tensors, const TensorSlot& slot) {
  const auto found = std::find_if(tensors.begin(), tensors.end(),
                                  [&](const NamedTensor& tensor) { return tensor.name == slot.name; });
  if (found == tensors.end()) throw InputError("model weights: tensor '" + slot.name + "' is missing");
  if (found->shape != slot.shape || found->values.size() != slot.size)
    throw InputError("model weights: tensor '" + slot.name + "' has shape " + shape_text(found->shape) +
                     ", expected " + shape_text(slot.shape));
  return *found;
}

}  // namespace

std::size_t ParameterLayout::add(std::string name, std::vector<std::int64_t> shape) {
  const auto size = static_cast<std::size_t>(
      std::accumulate(shape.begin(), shape.end(), std::int64_t{1}, std::multiplies<>()));
  const std::size_t offset = flat_size_;
  slots_.push_back({std::move(name), std::move(shape), offset, size});
  flat_size_ = (offset + size + slot_alignment - 1) / slot_alignment * slot_alignment;
  return offset;
}

const TensorSlot& ParameterLayout::find(std::string_view name) const {
  for (const auto& slot : slots_)
    if (slot.name == name) return slot;
  throw Error("model: no parameter tensor named '" + std::string(name) + "'");
}

std::size_t ParameterLayout::parameter_count() const {
  std::size_t count = 0;
  for (const auto& slot : slots_) count += slot.size;
  return count;
}

std::vector<NamedTensor> ParameterLayout::read(std::span<const float> flat) const {
  std::vector<NamedTensor> tensors;
  tensors.reserve(slots_.size());
  for (const auto& slot : slots_) {
    const auto begin = flat.begin() + static_cast<std::ptrdiff_t>(slot.offset);
    tensors.push_back({slot.name, slot.shape, {begin, begin + static_cast<std::ptrdiff_t>(slot.size)}});
  }
  return tensors;
}

void ParameterLayout::write(const std::vector<NamedTensor>& tensors, std::span<float> flat) const {
  for (const auto& slot : slots_) find_tensor(tensors, slot);  // validate all before touching any
  for (const auto& slot : slots_) {
    const auto& tensor = find_tensor(tensors, slot);
    std::copy(tensor.values.begin(), tensor.values.end(), flat.begin() + static_cast<std::ptrdiff_t>(slot.offset));
  }
}

}  // namespace vmsweep::model
