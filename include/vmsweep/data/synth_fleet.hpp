#pragma once
// A synthetic fleet: N traces that differ as a provider's VMs do, each drawn from one seed, for tests
// and benchmarks of fleet sweeps (`vmsweep data synth --traces N --out DIR`).
#include <cstddef>
#include <filesystem>
#include <string>

#include "vmsweep/data/synth.hpp"

namespace vmsweep::data {

// Trace `index` of the fleet of `base`: base.seed and index alone decide it. Its own step seed, and
//   level            base.level x 3^u, u uniform in [-1, 1]   (a third to three times the base)
//   trend per day    base.trend_per_day x uniform [-1, 2]
//   daily amplitude  its level x (base.daily_amplitude / base.level) x uniform [0.25, 1.75]
//   weekly amplitude its level x (base.weekly_amplitude / base.level) x uniform [0.25, 1.75]
//   noise            its level x (base.noise / base.level) x uniform [0.5, 2]
// so the shapes stay those of the base trace in proportion to each VM's level. Everything else
// (steps, interval, bursts, gaps, shift) is the base's.
SynthSpec fleet_member(const SynthSpec& base, std::size_t index);

// "trace-0007.csv": four digits, more when the fleet needs them.
std::string fleet_file_name(std::size_t index, std::size_t traces);

// Writes traces 0 .. traces-1 into `folder` (created if missing) as comma-separated files named by
// fleet_file_name, each appearing whole (write_synthetic_trace). Returns the rows written in all.
std::size_t write_synthetic_fleet(const SynthSpec& base, std::size_t traces, const std::filesystem::path& folder);

}  // namespace vmsweep::data
