#include "vmsweep/common/rng.hpp"

#include <cmath>
#include <numbers>

namespace vmsweep {

namespace {

// SplitMix64's finaliser: a bijection of 64-bit words that mixes every input bit into every output bit.
std::uint64_t finalize(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t splitmix64(std::uint64_t& state) { return finalize(state += 0x9e3779b97f4a7c15ULL); }

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

std::uint64_t mix_seed(std::initializer_list<std::uint64_t> parts) {
  // Each part is mixed before it is combined, so nearby tuples such as (0, 1) and (1, 0) land far apart.
  std::uint64_t mixed = 0x5eed5eed5eed5eedULL;
  for (std::uint64_t part : parts) mixed = finalize(mixed ^ finalize(part + 0x9e3779b97f4a7c15ULL));
  return mixed;
}

Rng::Rng(std::uint64_t seed) {
  for (auto& word : state_) word = splitmix64(seed);
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double Rng::uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::uniform(double low, double high) { return low + (high - low) * uniform01(); }

std::int64_t Rng::integer(std::int64_t low, std::int64_t high) {
  const std::uint64_t span = static_cast<std::uint64_t>(high - low) + 1;
  if (span == 0) return static_cast<std::int64_t>(next_u64());  // the full 64-bit range
  // Rejection of the top partial block keeps every integer equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % span;
  std::uint64_t draw = next_u64();
  while (draw >= limit) draw = next_u64();
  return low + static_cast<std::int64_t>(draw % span);
}

double Rng::normal() {
  const double u1 = 1.0 - uniform01();  // (0, 1]: log(u1) is finite
  const double u2 = uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::size_t Rng::weighted_index(const double* weights, std::size_t count) {
  double total = 0;
  for (std::size_t i = 0; i < count; ++i) total += weights[i];
  double target = uniform01() * total;
  for (std::size_t i = 0; i < count; ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  return count - 1;  // rounding left a sliver past the last weight
}

}  // namespace vmsweep
