#pragma once
// A deterministic synthetic VM-load trace for tests and large benchmarks: a level with a trend,
// daily and weekly cycles, decaying bursts, Gaussian noise, missing stretches (gaps) and an optional
// level shift (a VM given more work for good: the drift that takes a test part out of the range
// seen in training). Every step
// is a pure function of (spec, step), so the trace is the same for any thread count.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "vmsweep/data/timestamps.hpp"

namespace vmsweep::data {

struct SynthSpec {
  std::size_t steps = 24 * 7 * 52;        // time steps generated (gaps are then left out)
  std::uint64_t seed = 1;
  std::int64_t start_ms = days_from_civil(2013, 1, 1) * kMillisPerDay;
  std::int64_t interval_ms = 3'600'000;
  double level = 5.0;
  double trend_per_day = 0.002;
  double daily_amplitude = 2.0;
  double weekly_amplitude = 1.0;
  double noise = 0.5;                     // standard deviation
  double burst_rate = 0.002;              // chance that a 12-step block starts with a burst
  double burst_height = 6.0;
  double gap_rate = 0.001;                // chance that an 8-step block is missing
  double shift = 0.0;                     // added to the level from step shift_at * steps on
  double shift_at = 0.9;                  // where the shift starts, as a fraction of the steps
  char delimiter = '\t';
};

// The generator: 64 random bits, and a uniform number in (0, 1), for (seed, stream, index). Streams
// 1-4 are the steps' noise, bursts and gaps (index: the step); synth_fleet.hpp draws from 16 on.
std::uint64_t synth_bits(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);
double synth_uniform(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);

// The load at a step (never negative), and whether the step falls in a gap.
double synth_value(const SynthSpec& spec, std::size_t step);
bool synth_gap(const SynthSpec& spec, std::size_t step);

// Writes the trace as delimited text (tab by default) with the header "datetime<delimiter>load" and
// ISO 8601 timestamps (the layout of aa.txt). The file appears only when complete (written to a temporary name, then
// renamed). Returns the number of rows written.
std::size_t write_synthetic_trace(const SynthSpec& spec, const std::filesystem::path& path);

}  // namespace vmsweep::data
