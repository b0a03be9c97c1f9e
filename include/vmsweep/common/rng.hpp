#pragma once
// Bitwise-reproducible random numbers for weight initialisation, dropout masks and sampling:
// xoshiro256** seeded through SplitMix64, with conversions written here rather than
// std::*_distribution, whose algorithms differ between standard libraries. Every sample is then
// bitwise the same on every machine (the transcendental ones up to libm's log/exp/cos).
#include <array>
#include <cstdint>
#include <initializer_list>

namespace vmsweep {

// A well-mixed 64-bit value from a list of integers (a seed and the indices that select a stream).
std::uint64_t mix_seed(std::initializer_list<std::uint64_t> parts);

class Rng {
public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next_u64();
  double uniform01();                                   // [0, 1), 53 random bits
  double uniform(double low, double high);              // [low, high)
  std::int64_t integer(std::int64_t low, std::int64_t high);  // [low, high], unbiased
  double normal();                                      // standard normal (Box-Muller)
  std::size_t weighted_index(const double* weights, std::size_t count);  // weights need not sum to 1

private:
  std::array<std::uint64_t, 4> state_;
};

}  // namespace vmsweep
