#pragma once
// --shard I/N: a run takes the trials whose id % N == I (grid and random only), so the N jobs of a
// Slurm job array share one sweep.
#include <cstdint>
#include <string>

namespace vmsweep::dist {

struct Shard {
  int index = 0;
  int count = 1;
  static Shard parse(const std::string& text);  // "I/N" with 0 <= I < N; InputError otherwise
  bool owns(std::int64_t trial_id) const { return trial_id % count == index; }
};

}  // namespace vmsweep::dist
