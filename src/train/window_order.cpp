#include "window_order.hpp"

#include <utility>

namespace vmsweep::train {

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
  // Draws below `threshold` would make the low residues more likely; 2^64 mod bound of them.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    std::uint64_t draw = next();
    if (draw >= threshold) return draw % bound;
  }
}

// The seed is mixed with a constant so the shuffle stream differs from the model's own streams
// (initialisation, dropout), which start from the same trial seed.
WindowOrder::WindowOrder(std::vector<std::size_t> windows, std::uint64_t seed)
    : windows_(std::move(windows)), rng_(seed ^ 0x5EEDCAFEF00DULL) {}

const std::vector<std::size_t>& WindowOrder::shuffled() {
  for (std::size_t i = windows_.size(); i > 1; --i) std::swap(windows_[i - 1], windows_[rng_.below(i)]);
  return windows_;
}

}  // namespace vmsweep::train
