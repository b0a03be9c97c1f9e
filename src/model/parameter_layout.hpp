#pragma once
// Where each named tensor lives in the model's flat parameter (and gradient) buffer. One flat
// buffer lets the optimizer, clipping and zeroing run as single loops over all parameters.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vmsweep/common/tensor.hpp"

namespace vmsweep::model {

struct TensorSlot {
  std::string name;
  std::vector<std::int64_t> shape;  // row-major, plain layout
  std::size_t offset = 0;           // in floats, 16-float (64-byte) aligned
  std::size_t size = 0;
};

class ParameterLayout {
public:
  // Appends a tensor; returns its offset in floats.
  std::size_t add(std::string name, std::vector<std::int64_t> shape);

  const TensorSlot& find(std::string_view name) const;  // throws Error when absent
  const std::vector<TensorSlot>& slots() const { return slots_; }
  std::size_t flat_size() const { return flat_size_; }      // including alignment padding
  std::size_t parameter_count() const;

  std::vector<NamedTensor> read(std::span<const float> flat) const;
  // Exact inverse of read(); throws InputError on a missing name or a wrong shape.
  void write(const std::vector<NamedTensor>& tensors, std::span<float> flat) const;

private:
  std::vector<TensorSlot> slots_;
  std::size_t flat_size_ = 0;
};

}  // namespace vmsweep::model
