#pragma once
// The order in which an epoch visits the training windows: a seeded Fisher-Yates shuffle with
// its own PRNG (SplitMix64), so the order is bitwise the same on every platform and standard
// library (std::uniform_int_distribution is not specified exactly).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace vmsweep::train {

class SplitMix64 {
public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, bound), bound > 0, without modulo bias.
  std::uint64_t below(std::uint64_t bound);

private:
  std::uint64_t state_;
};

class WindowOrder {
public:
  WindowOrder(std::vector<std::size_t> windows, std::uint64_t seed);
  // A fresh permutation of the windows; each call continues the same random stream.
  const std::vector<std::size_t>& shuffled();
  // The windows in the order of the last shuffle (as given, before the first).
  const std::vector<std::size_t>& windows() const { return windows_; }

private:
  std::vector<std::size_t> windows_;
  SplitMix64 rng_;
};

}  // namespace vmsweep::train
