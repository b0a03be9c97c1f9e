#include "dropout.hpp"

#include <cmath>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::model {

DropoutMask::DropoutMask(double rate, std::size_t capacity)
    : mask_(capacity, 1.0f),
      kept_value_(static_cast<float>(1.0 / (1.0 - rate))),
      drop_below_(static_cast<std::uint32_t>(std::ldexp(rate, 32))) {}

void DropoutMask::draw(Rng& rng, std::size_t count) {
  if (fixed_) return;
  const auto value_of = [this](std::uint32_t bits) { return bits < drop_below_ ? 0.0f : kept_value_; };
  std::size_t i = 0;
  for (; i + 1 < count; i += 2) {  // two 32-bit draws per 64-bit number
    const std::uint64_t bits = rng.next_u64();
    mask_[i] = value_of(static_cast<std::uint32_t>(bits));
    mask_[i + 1] = value_of(static_cast<std::uint32_t>(bits >> 32));
  }
  if (i < count) mask_[i] = value_of(static_cast<std::uint32_t>(rng.next_u64()));
}

void DropoutMask::fix(std::vector<float> values) {
  if (values.size() > mask_.size())
    throw Error("dropout: a fixed mask of " + std::to_string(values.size()) + " values exceeds " +
                std::to_string(mask_.size()));
  std::copy(values.begin(), values.end(), mask_.begin());
  fixed_ = true;
}

void DropoutMask::apply(const float* src, float* dst, std::size_t count) const {
  const float* mask = mask_.data();
#pragma omp simd  // -O2's cost model leaves this loop scalar otherwise
  for (std::size_t i = 0; i < count; ++i) dst[i] = src[i] * mask[i];
}

}  // namespace vmsweep::model
