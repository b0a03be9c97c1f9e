// A rank's trace cache: a trace is parsed once for any number of trials that load it alike, again
// when a loading field or the file changes, least recently used traces leave at the budget, and what
// a trial prepares is bitwise the same with the cache as without it.
#include <catch2/catch.hpp>

#include <cstring>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include "fixture.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/synth.hpp"
#include "vmsweep/data/trace_cache.hpp"

using namespace vmsweep;
using namespace vmsweep::data;

namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

// A small hourly trace (3 weeks), written to a scratch file.
void write_trace(const std::filesystem::path& path, std::uint64_t seed = 1, std::size_t steps = 24 * 21) {
  SynthSpec spec;
  spec.steps = steps;
  spec.seed = seed;
  write_synthetic_trace(spec, path);
}

DataSpec spec_of(const std::filesystem::path& path) {
  return DataSpec::from_value(Value::Map{{"path", path.string()}, {"timestamp", "datetime"}, {"value", "load"}});
}

// The trials' side: everything prepare() makes from the trace.
void require_same(const PreparedData& a, const PreparedData& b) {
  REQUIRE(a.timestamps_ms() == b.timestamps_ms());
  REQUIRE(a.values() == b.values());  // exact: == on doubles
  REQUIRE(a.scaled() == b.scaled());
  REQUIRE(a.window_count() == b.window_count());
  REQUIRE(a.input_channels() == b.input_channels());
  for (std::size_t step = 0; step < a.values().size(); step += 7) {
    const auto x = a.inputs(step), y = b.inputs(step);
    REQUIRE(x.size() == y.size());
    REQUIRE(std::memcmp(x.data(), y.data(), x.size_bytes()) == 0);  // bitwise: lag channels start with NaN
  }
  REQUIRE(a.report().rows == b.report().rows);
  REQUIRE(a.report().filled == b.report().filled);
}

// Runs `body` with the rank's cache at `budget`, then puts the budget back.
void with_rank_budget(std::size_t budget, const std::function<void()>& body) {
  TraceCache& cache = rank_trace_cache();
  const std::size_t before = cache.stats().budget_bytes;
  cache.set_budget(budget);
  body();
  cache.set_budget(before);
}

}  // namespace

TEST_CASE("trace cache: twenty loads of one trace parse it once") {
  test::ScratchFile file("cache_one.txt");
  write_trace(file.path());
  TraceCache cache(256 * kMiB);
  const DataSpec spec = spec_of(file.path());
  const auto first = cache.load(spec);
  for (int trial = 1; trial < 20; ++trial) REQUIRE(cache.load(spec) == first);  // the same object
  const TraceCacheStats stats = cache.stats();
  CHECK(stats.parsed == 1);
  CHECK(stats.hits == 19);
  CHECK(stats.traces == 1);
  CHECK(stats.bytes >= first->values.size() * 16);  // timestamps and values, 8 bytes each
  CHECK(stats.bytes > trace_bytes(*first));  // and its key
  CHECK(describe(stats).starts_with("1 trace parsed, 19 hits, 1 kept in "));
}

TEST_CASE("trace cache: every loading field is part of the key; trial-only fields are not") {
  test::ScratchFile file("cache_fields.txt");
  write_trace(file.path());
  TraceCache cache(256 * kMiB);
  const DataSpec base = spec_of(file.path());
  cache.load(base);
  std::vector<std::pair<const char*, std::function<void(DataSpec&)>>> loading{
      {"delimiter", [](DataSpec& s) { s.delimiter = '\t'; }},
      {"timestamp", [](DataSpec& s) { s.timestamp = ColumnRef::by_index(1); }},
      {"value", [](DataSpec& s) { s.value = ColumnRef::by_index(2); }},
      {"timestamp_unit", [](DataSpec& s) { s.timestamp_unit = TimestampUnit::iso8601; }},
      {"interval", [](DataSpec& s) { s.interval_ms = 3'600'000; }},
      {"invalid_below", [](DataSpec& s) { s.invalid_below = 0.5; }},
      {"missing", [](DataSpec& s) { s.missing = FillMethod::linear; }},
      {"resample", [](DataSpec& s) { s.resample = {86'400'000, Aggregation::mean, "D"}; }},
      {"resample agg", [](DataSpec& s) { s.resample = {86'400'000, Aggregation::max, "D"}; }},
      {"history_freq", [](DataSpec& s) {
         s.resample = {86'400'000, Aggregation::mean, "D"};
         s.history.period_ms = 6 * 3'600'000;
       }},
  };
  std::size_t parsed = 1;
  for (auto& [field, change] : loading) {
    DYNAMIC_SECTION(field) {
      DataSpec changed = base;
      change(changed);
      cache.load(changed);
      REQUIRE(cache.stats().parsed == ++parsed);
      cache.load(changed);
      REQUIRE(cache.stats().parsed == parsed);  // and kept under its own key
    }
  }
  DataSpec trial_only = base;
  trial_only.split.train = 0.5;
  trial_only.scale = ScaleKind::zscore;
  trial_only.stride = 3;
  trial_only.season.steps = 12;
  trial_only.season_lags.lags = {SeasonSpec{0, 24}};
  const std::size_t before = cache.stats().parsed;
  cache.load(trial_only);
  CHECK(cache.stats().parsed == before);
}

TEST_CASE("trace cache: a rewritten trace is read again, a removed one fails as without the cache") {
  test::ScratchFile file("cache_rewrite.txt");
  write_trace(file.path(), 1);
  TraceCache cache(256 * kMiB);
  const DataSpec spec = spec_of(file.path());
  const double before = cache.load(spec)->values[5];
  write_trace(file.path(), 2);  // a new file (temporary renamed over it): another inode
  const double after = cache.load(spec)->values[5];
  CHECK(cache.stats().parsed == 2);
  CHECK(before != after);
  std::filesystem::remove(file.path());
  CHECK_THROWS_AS(cache.load(spec), InputError);
  CHECK(cache.stats().parsed == 2);  // a failed load counts no parse and keeps nothing
}

TEST_CASE("trace cache: the least recently used trace leaves at the budget; 0 keeps nothing") {
  test::ScratchFile a("cache_a.txt"), b("cache_b.txt"), c("cache_c.txt");
  for (const auto* file : {&a, &b, &c}) write_trace(file->path());
  const std::size_t one = trace_bytes(*TraceCache(256 * kMiB).load(spec_of(a.path())));
  TraceCache cache(2 * one + one / 2);  // room for two traces (and their keys), not three
  for (const auto* file : {&a, &b, &a, &c}) cache.load(spec_of(file->path()));  // c pushes out b, not a
  CHECK(cache.stats().parsed == 3);
  CHECK(cache.stats().traces == 2);
  cache.load(spec_of(a.path()));
  CHECK(cache.stats().parsed == 3);
  cache.load(spec_of(b.path()));
  CHECK(cache.stats().parsed == 4);
  CHECK(cache.stats().bytes <= cache.stats().budget_bytes);

  cache.set_budget(0);
  CHECK(cache.stats().traces == 0);
  cache.load(spec_of(a.path()));
  cache.load(spec_of(a.path()));
  CHECK(cache.stats().parsed == 6);
  CHECK(describe(cache.stats()) == "6 traces parsed (cache off)");
}

TEST_CASE("trace cache: prepare() makes bitwise the same data with the cache as without it") {
  test::ScratchFile file("cache_prepare.txt");
  write_trace(file.path(), 3, 24 * 60);
  DataSpec spec = spec_of(file.path());
  spec.history.period_ms = 6 * 3'600'000;
  spec.resample = {86'400'000, Aggregation::mean, "D"};
  spec.season_lags.lags = {SeasonSpec{7 * 86'400'000, 0}};
  const WindowSpec windows{7, 2, 1};
  PreparedData without, first, second;
  with_rank_budget(0, [&] { without = prepare(spec, windows); });
  with_rank_budget(256 * kMiB, [&] {
    const std::size_t parsed = rank_trace_cache().stats().parsed;
    first = prepare(spec, windows);
    second = prepare(spec, windows);
    CHECK(rank_trace_cache().stats().parsed == parsed + 1);
  });
  require_same(without, first);
  require_same(without, second);
}

TEST_CASE("trace cache: threads loading one trace at once parse it once and share it") {
  test::ScratchFile file("cache_threads.txt");
  write_trace(file.path());
  TraceCache cache(256 * kMiB);
  const DataSpec spec = spec_of(file.path());
  std::vector<std::shared_ptr<const LoadedTrace>> seen(4);
  {
    std::vector<std::jthread> threads;
    for (auto& trace : seen) threads.emplace_back([&] { trace = cache.load(spec); });
  }
  CHECK(cache.stats().parsed == 1);
  CHECK(cache.stats().hits == 3);
  for (const auto& trace : seen) CHECK(trace == seen.front());
}
