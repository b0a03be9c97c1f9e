// The parallel parts (chunked parsing, resampling, synthetic writing) give bitwise the same result
// on any number of threads, and parse errors deep inside a big file name the right line.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/synth.hpp"
#include "vmsweep/data/thread_limit.hpp"

using namespace vmsweep;
using namespace vmsweep::data;
using vmsweep::test::ScratchFile;

namespace {

// About 16 MB of text: several parse chunks, so the threads really share the file.
constexpr std::size_t kSteps = 600'000;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_synth(int threads, const std::filesystem::path& path) {
  SynthSpec spec;
  spec.steps = kSteps;
  spec.seed = 7;
  spec.gap_rate = 0.01;
  with_thread_limit(threads, [&] { write_synthetic_trace(spec, path); });
}

PreparedData prepare_with(int threads, const std::filesystem::path& path, const std::string& resample) {
  Value block = Value::Map{{"path", path.string()}, {"missing", "linear"}, {"resample", resample}};
  PreparedData data;
  with_thread_limit(threads, [&] { data = prepare(DataSpec::from_value(block), {24, 1, 1}); });
  return data;
}

}  // namespace

TEST_CASE("synthetic traces are byte-identical on 1 and 2 threads, and the same seed gives the same file") {
  const ScratchFile one_file("synth_1.tsv"), two_file("synth_2.tsv");
  write_synth(1, one_file.path());
  write_synth(2, two_file.path());
  const std::string one = slurp(one_file.path());
  const std::string two = slurp(two_file.path());
  CHECK(one.size() > 10'000'000);
  CHECK(one == two);
  CHECK(one.rfind("datetime\tload\n2013-01-01 00:00:00\t", 0) == 0);
}

TEST_CASE("prepare gives bitwise-identical series on 1 and 2 threads, raw and resampled") {
  const ScratchFile file("synth.tsv");
  const auto& path = file.path();
  write_synth(2, path);
  for (const std::string resample : {"", "D", "15min:max"}) {
    INFO("resample " << resample);
    PreparedData one = prepare_with(1, path, resample);
    PreparedData two = prepare_with(2, path, resample);
    CHECK(one.report().rows == two.report().rows);
    CHECK(one.timestamps_ms() == two.timestamps_ms());
    CHECK(std::memcmp(one.values().data(), two.values().data(), one.values().size() * sizeof(double)) == 0);
    CHECK(one.scaled() == two.scaled());
  }
  PreparedData raw = prepare_with(2, path, "");
  CHECK(raw.report().gaps > 0);
  CHECK(raw.values().size() == kSteps);  // every gap filled back in
}

TEST_CASE("a bad field deep in a many-chunk file is reported at its own line and column") {
  const ScratchFile file("synth.tsv"), broken_file("broken.tsv");
  write_synth(2, file.path());
  const std::string text = slurp(file.path());
  std::size_t line_start = 0;
  for (int line = 1; line < 450'000; ++line) line_start = text.find('\n', line_start) + 1;
  std::string broken = text;
  broken[broken.find('\t', line_start) + 1] = 'x';
  const auto& path = broken_file.path();
  std::ofstream(path, std::ios::binary) << broken;
  for (int threads : {1, 2}) {
    Value block = Value::Map{{"path", path.string()}};
    auto run = [&] { with_thread_limit(threads, [&] { prepare(DataSpec::from_value(block), {}); }); };
    CHECK_THROWS_WITH(run(), Catch::StartsWith(path.string() + ":450000:21: value 'x"));
  }
}
