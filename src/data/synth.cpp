#include "vmsweep/data/synth.hpp"

#include <tbb/parallel_for.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "vmsweep/common/error.hpp"

namespace vmsweep::data {

namespace {

constexpr std::size_t kBurstBlock = 12;
constexpr std::size_t kGapBlock = 8;
constexpr std::size_t kRowsPerPiece = std::size_t{1} << 16;  // formatted by one task
constexpr std::size_t kPiecesPerWrite = 32;                  // formatted in parallel, then written
constexpr std::size_t kMaxRowBytes = 48;

// SplitMix64: a counter-based generator, so any step can be drawn independently of the others.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}


double gaussian(const SynthSpec& spec, std::size_t step) {
  const double u1 = synth_uniform(spec.seed, 1, step), u2 = synth_uniform(spec.seed, 2, step);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double burst(const SynthSpec& spec, std::size_t step) {
  const std::size_t block = step / kBurstBlock;
  if (synth_uniform(spec.seed, 3, block) >= spec.burst_rate) return 0.0;
  const double position = static_cast<double>(step % kBurstBlock) / kBurstBlock;
  return spec.burst_height * (1.0 - position);
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Formats rows [first, last) into `out`; returns how many rows were not gaps.
std::size_t format_rows(const SynthSpec& spec, std::size_t first, std::size_t last, std::string& out) {
  out.resize((last - first) * kMaxRowBytes);
  char* p = out.data();
  std::size_t rows = 0;
  for (std::size_t step = first; step < last; ++step) {
    if (synth_gap(spec, step)) continue;
    p = format_iso8601(spec.start_ms + static_cast<std::int64_t>(step) * spec.interval_ms, p);
    *p++ = spec.delimiter;
    p = std::to_chars(p, p + 24, synth_value(spec, step), std::chars_format::fixed, 3).ptr;
    *p++ = '\n';
    ++rows;
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
  return rows;
}

// Formats pieces of rows in parallel and appends them to the file in order.
std::size_t write_rows(const SynthSpec& spec, std::FILE* file) {
  std::vector<std::string> pieces(kPiecesPerWrite);
  std::vector<std::size_t> counts(kPiecesPerWrite);
  std::size_t rows = 0;
  for (std::size_t first = 0; first < spec.steps; first += kRowsPerPiece * kPiecesPerWrite) {
    tbb::parallel_for(std::size_t{0}, kPiecesPerWrite, [&](std::size_t i) {
      const std::size_t begin = std::min(spec.steps, first + i * kRowsPerPiece);
      counts[i] = format_rows(spec, begin, std::min(spec.steps, begin + kRowsPerPiece), pieces[i]);
    });
    for (std::size_t i = 0; i < kPiecesPerWrite; ++i) {
      if (std::fwrite(pieces[i].data(), 1, pieces[i].size(), file) != pieces[i].size()) throw Error("write failed");
      rows += counts[i];
    }
  }
  return rows;
}

double level_shift(const SynthSpec& spec, std::size_t step) {
  return static_cast<double>(step) >= spec.shift_at * static_cast<double>(spec.steps) ? spec.shift : 0.0;
}

}  // namespace

std::uint64_t synth_bits(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  return mix(mix(seed ^ (stream << 56)) ^ index);
}

double synth_uniform(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  return (static_cast<double>(synth_bits(seed, stream, index) >> 11) + 0.5) * 0x1.0p-53;
}

double synth_value(const SynthSpec& spec, std::size_t step) {
  const double days = static_cast<double>(static_cast<std::int64_t>(step) * spec.interval_ms) / kMillisPerDay;
  const double two_pi = 2.0 * std::numbers::pi;
  const double value = spec.level + level_shift(spec, step) + spec.trend_per_day * days + spec.daily_amplitude * std::sin(two_pi * days) +
                       spec.weekly_amplitude * std::sin(two_pi * days / 7.0) + burst(spec, step) +
                       spec.noise * gaussian(spec, step);
  return std::max(0.0, value);
}

bool synth_gap(const SynthSpec& spec, std::size_t step) {
  return spec.gap_rate > 0 && synth_uniform(spec.seed, 4, step / kGapBlock) < spec.gap_rate;
}

std::size_t write_synthetic_trace(const SynthSpec& spec, const std::filesystem::path& path) {
  if (spec.interval_ms <= 0) throw InputError("synth: the interval must be positive");
  const std::filesystem::path temporary = path.string() + ".partial";
  std::size_t rows = 0;
  try {
    FilePtr file(std::fopen(temporary.c_str(), "wb"));
    if (!file) throw InputError(path.string() + ": cannot create the file");
    const std::string header = std::string("datetime") + spec.delimiter + "load\n";
    if (std::fputs(header.c_str(), file.get()) < 0) throw Error("write failed");
    rows = write_rows(spec, file.get());
    if (std::fclose(file.release()) != 0) throw Error("closing failed");
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    std::filesystem::remove(temporary);
    throw Error(path.string() + ": writing the synthetic trace failed (" + e.what() + ")");
  }
  std::filesystem::rename(temporary, path);
  return rows;
}

}  // namespace vmsweep::data
