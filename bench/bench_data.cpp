// bench_data FILE [--threads N] [--resample FREQ]: times load + clean + resample + window of a trace
// (vmsweep::data::prepare with look-back 14) and prints one line for bench/bench_data.sh:
//   engine=vmsweep threads=N seconds=S rows=R steps=K windows=W checksum=HEX
// The checksum (FNV-1a over the bytes of the prepared values and scaled series) shows whether two
// thread counts gave bitwise the same result.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/thread_limit.hpp"

namespace {

struct Options {
  std::string file;
  int threads = 0;
  std::string resample = "D";
};

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) options.threads = std::stoi(argv[++i]);
    else if (arg == "--resample" && i + 1 < argc) options.resample = argv[++i];
    else options.file = arg;
  }
  return options;
}

std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 0x100000001b3ULL;
  return hash;
}

std::uint64_t checksum(const vmsweep::data::PreparedData& data) {
  std::uint64_t hash = fnv1a(data.values().data(), data.values().size() * sizeof(double));
  hash = fnv1a(data.timestamps_ms().data(), data.timestamps_ms().size() * sizeof(std::int64_t), hash);
  return fnv1a(data.scaled().data(), data.scaled().size() * sizeof(float), hash);
}

}  // namespace

int main(int argc, char** argv) try {
  const Options options = parse_options(argc, argv);
  if (options.file.empty()) {
    std::fprintf(stderr, "usage: bench_data FILE [--threads N] [--resample FREQ]\n");
    return 2;
  }
  vmsweep::Value block = vmsweep::Value::Map{{"path", options.file}, {"resample", options.resample}};
  const vmsweep::data::DataSpec spec = vmsweep::data::DataSpec::from_value(block);
  vmsweep::data::PreparedData data;
  const auto start = std::chrono::steady_clock::now();
  vmsweep::data::with_thread_limit(options.threads, [&] { data = vmsweep::data::prepare(spec, {14, 1, 1}); });
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("engine=vmsweep threads=%d seconds=%.4f rows=%zu steps=%zu windows=%zu checksum=%016llx\n", options.threads,
              elapsed.count(), data.report().rows, data.values().size(), data.window_count(),
              static_cast<unsigned long long>(checksum(data)));
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_data: %s\n", e.what());
  return 1;
}
