#pragma once
// A zero-filled, 64-byte aligned heap buffer (oneDNN prefers aligned user memory).
#include <cstddef>
#include <cstdlib>
#include <memory>

namespace vmsweep::model {

class AlignedBuffer {
public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t bytes);

  // Shared buffers: the first claim allocates `bytes`; later claims (smaller batches reuse the
  // full batch's buffers) must fit, else this throws vmsweep::Error.
  void* claim(std::size_t bytes);

  void* data() const { return data_.get(); }
  float* floats() const { return static_cast<float*>(data_.get()); }
  std::size_t bytes() const { return bytes_; }

private:
  struct Free {
    void operator()(void* pointer) const { std::free(pointer); }
  };
  std::unique_ptr<void, Free> data_;
  std::size_t bytes_ = 0;
  bool allocated_ = false;
};

}  // namespace vmsweep::model
