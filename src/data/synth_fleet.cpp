#include "vmsweep/data/synth_fleet.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

// Streams of the per-trace draws, apart from the per-step streams 1-4 of synth.cpp.
enum Stream : std::uint64_t { seed_stream = 16, level_stream, trend_stream, daily_stream, weekly_stream, noise_stream };

double draw(const SynthSpec& base, Stream stream, std::size_t index, double low, double high) {
  return low + (high - low) * synth_uniform(base.seed, stream, index);
}

// An amplitude as the same share of the trace's level as the base's share of the base level.
double share_of_level(double base_value, const SynthSpec& base, double level) {
  return base.level != 0.0 ? base_value / base.level * level : base_value;
}

}  // namespace

SynthSpec fleet_member(const SynthSpec& base, std::size_t index) {
  SynthSpec trace = base;
  trace.seed = synth_bits(base.seed, seed_stream, index);
  trace.level = base.level * std::pow(3.0, draw(base, level_stream, index, -1.0, 1.0));
  trace.trend_per_day = base.trend_per_day * draw(base, trend_stream, index, -1.0, 2.0);
  trace.daily_amplitude = share_of_level(base.daily_amplitude, base, trace.level) * draw(base, daily_stream, index, 0.25, 1.75);
  trace.weekly_amplitude = share_of_level(base.weekly_amplitude, base, trace.level) * draw(base, weekly_stream, index, 0.25, 1.75);
  trace.noise = share_of_level(base.noise, base, trace.level) * draw(base, noise_stream, index, 0.5, 2.0);
  trace.delimiter = ',';
  return trace;
}

std::string fleet_file_name(std::size_t index, std::size_t traces) {
  std::string digits = std::to_string(index);
  const std::size_t width = std::max<std::size_t>(4, std::to_string(traces > 0 ? traces - 1 : 0).size());
  return "trace-" + std::string(width - std::min(width, digits.size()), '0') + digits + ".csv";
}

std::size_t write_synthetic_fleet(const SynthSpec& base, std::size_t traces, const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (!std::filesystem::is_directory(folder))
    throw InputError(folder.string() + ": cannot create the folder for the traces" + (error ? " (" + error.message() + ")" : ""));
  std::size_t rows = 0;
  for (std::size_t index = 0; index < traces; ++index)
    rows += write_synthetic_trace(fleet_member(base, index), folder / fleet_file_name(index, traces));
  return rows;
}

}  // namespace vmsweep::data
