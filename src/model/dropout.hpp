#pragma once
// Inverted dropout between LSTM layers: keep each value with probability 1-p and scale kept
// values by 1/(1-p), so evaluation needs no rescaling. The mask is a float array of 0 or
// 1/(1-p); forward multiplies the layer output by it into the next layer's input (never in
// place: oneDNN's backward reads DST_LAYER), backward multiplies the gradient by the same mask.
#include <cstddef>
#include <vector>

#include "vmsweep/common/rng.hpp"

namespace vmsweep::model {

class DropoutMask {
public:
  DropoutMask(double rate, std::size_t capacity);

  // A fresh mask over the first `count` values.
  void draw(Rng& rng, std::size_t count);
  // Tests: use these values (0 or 1/(1-p)) instead of drawing.
  void fix(std::vector<float> values);
  bool fixed() const { return fixed_; }

  // dst[i] = src[i] * mask[i] for i < count.
  void apply(const float* src, float* dst, std::size_t count) const;

private:
  std::vector<float> mask_;
  float kept_value_;
  std::uint32_t drop_below_;  // a 32-bit draw below this drops the value
  bool fixed_ = false;
};

}  // namespace vmsweep::model
