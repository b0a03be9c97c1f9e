#pragma once
// Configurations: one value per parameter, as a Value map in the file's parameter order.
// grid and random configurations are pure functions of the file and an index, so no list of them
// is ever built.
#include <cstdint>

#include "vmsweep/common/rng.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

// The grid's size, saturating at INT64_MAX.
std::int64_t grid_size(const SweepSpec& spec);
// The index-th configuration of the cartesian product, with the last parameter varying fastest
// (nested loops in file order): index read as a mixed-radix number.
Value grid_config(const SweepSpec& spec, std::int64_t index);
// The index-th random configuration: its own stream from (seed, index), so any configuration can
// be drawn without drawing those before it.
Value random_config(const SweepSpec& spec, std::int64_t index);
// One draw of every parameter from `rng`, in file order.
Value draw_config(const SweepSpec& spec, Rng& rng);

// grid_config or random_config, by the sweep's method.
Value list_config(const SweepSpec& spec, std::int64_t index);

// The number of configurations a sweep runs at most: the grid (or run_cap / repeats). Parsing
// keeps it times repeats within kMaxTrials.
std::int64_t config_count(const SweepSpec& spec);

// size * factor, or the largest int64 when that overflows (sizes of search spaces only grow).
std::int64_t saturating_product(std::int64_t size, std::int64_t factor);

}  // namespace vmsweep::sweep
