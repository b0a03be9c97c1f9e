#include "aligned_buffer.hpp"

#include <cstring>
#include <new>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::model {

namespace {
constexpr std::size_t alignment = 64;
}

AlignedBuffer::AlignedBuffer(std::size_t bytes) : bytes_(bytes), allocated_(true) {
  const std::size_t rounded = (bytes + alignment - 1) / alignment * alignment;
  if (rounded == 0) return;
  data_.reset(std::aligned_alloc(alignment, rounded));
  if (!data_) throw std::bad_alloc();
  std::memset(data_.get(), 0, rounded);
}

void* AlignedBuffer::claim(std::size_t bytes) {
  if (!allocated_) *this = AlignedBuffer(bytes);
  if (bytes > bytes_)
    throw Error("model: a smaller batch needs " + std::to_string(bytes) + " bytes of a buffer sized " +
                std::to_string(bytes_) + " for the full batch");
  return data_.get();
}

}  // namespace vmsweep::model
