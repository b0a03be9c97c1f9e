// bench_trace_cache FILE [KEY=VALUE ...] [--trials N] [--look-back L]: what a rank's trace cache saves
// each trial's data preparation (data::prepare, as train::prepare_trial_data calls it) on one trace.
// N trials prepare the trace with the cache off (every one parses it: the reference) and then on (the
// first parses it), in turn, in one process; the fastest of three rounds is kept (the machine is
// shared). KEY=VALUE are data-block fields (resample=D, value=CPU usage [%], timestamp_unit=s, ...).
// Prints ms per trial for both, the ratio, the bytes kept per trace, and whether both gave bitwise
// the same prepared data.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/trace_cache.hpp"

namespace {

using namespace vmsweep;

struct Options {
  Value block = Value::Map{};
  int trials = 20;
  int look_back = 14;
};

// "1" -> 1 (a column index), anything else stays text.
Value field_value(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) return static_cast<std::int64_t>(std::stoll(text));
  return text;
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--trials" && i + 1 < argc) options.trials = std::stoi(argv[++i]);
    else if (arg == "--look-back" && i + 1 < argc) options.look_back = std::stoi(argv[++i]);
    else if (const auto equals = arg.find('='); equals != std::string::npos) options.block.set(arg.substr(0, equals), field_value(arg.substr(equals + 1)));
    else options.block.set("path", arg);
  }
  return options;
}

// Seconds per prepare() of `trials` trials, the cache at `budget` and emptied first; the last result.
double seconds_per_trial(const data::DataSpec& spec, const Options& options, std::size_t budget, data::PreparedData& last) {
  data::rank_trace_cache().set_budget(0);
  data::rank_trace_cache().set_budget(budget);
  const auto start = std::chrono::steady_clock::now();
  for (int trial = 0; trial < options.trials; ++trial) last = data::prepare(spec, {options.look_back, 1, 1});
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / options.trials;
}

bool same(const data::PreparedData& a, const data::PreparedData& b) {
  return a.values() == b.values() && a.scaled() == b.scaled() && a.timestamps_ms() == b.timestamps_ms();
}

}  // namespace

int main(int argc, char** argv) try {
  const Options options = parse_options(argc, argv);
  if (!options.block.find("path")) {
    std::fprintf(stderr, "usage: bench_trace_cache FILE [KEY=VALUE ...] [--trials N] [--look-back L]\n");
    return 2;
  }
  const data::DataSpec spec = data::DataSpec::from_value(options.block);
  const std::size_t budget = std::size_t{data::kDefaultTraceCacheMiB} << 20;
  double off = 1e300, on = 1e300;
  data::PreparedData without, with;
  for (int round = 0; round < 3; ++round) {
    off = std::min(off, seconds_per_trial(spec, options, 0, without));
    on = std::min(on, seconds_per_trial(spec, options, budget, with));
  }
  const data::TraceCacheStats stats = data::rank_trace_cache().stats();
  std::printf("%s: %zu rows -> %zu steps; %d trials: %.3f ms per trial's data without the cache, %.3f ms with it "
              "(%.1fx faster, %.3f ms saved per trial); %.1f KiB kept per trace; bitwise same: %s\n",
              spec.path.c_str(), with.report().rows, with.report().steps, options.trials, off * 1e3, on * 1e3, off / on,
              (off - on) * 1e3, static_cast<double>(stats.bytes) / 1024 / static_cast<double>(std::max<std::size_t>(1, stats.traces)),
              same(without, with) ? "yes" : "NO");
  return same(without, with) ? 0 : 1;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_trace_cache: %s\n", e.what());
  return 1;
}
