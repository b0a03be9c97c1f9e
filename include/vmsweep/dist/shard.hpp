#pragma once
// --shard I/N: a run takes the trials whose id % N == I (grid and random only), so the N jobs of a
// Slurm job array share one sweep. A fleet is sharded by trace: a shard runs the whole search of
// the traces whose index % N == I (a fleet trial's trace index is its id % traces).
#include <cstdint>
#include <string>

namespace vmsweep::dist {

struct Shard {
  int index = 0;
  int count = 1;
  std::int64_t traces = 1;  // the sweep's traces; set by the run once it has read the sweep file
  static Shard parse(const std::string& text);  // "I/N" with 0 <= I < N; InputError otherwise
  bool owns(std::int64_t trial_id) const { return (traces > 1 ? trial_id % traces : trial_id) % count == index; }
  // How many of the trials 0 .. total-1 it owns (a fleet's total is a multiple of its traces).
  std::int64_t owned_of(std::int64_t total) const;
};

}  // namespace vmsweep::dist
