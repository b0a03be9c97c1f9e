// history_freq: every step of a resampled series also carries the means of its sub-periods as extra
// input channels. Values worked out by hand on a tiny trace, scaling, the batch layout, the absence
// of leakage from the target step, thread independence, and every refused combination.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <vector>

#include "fixture.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/synth.hpp"
#include "vmsweep/data/thread_limit.hpp"

using namespace vmsweep;
using namespace vmsweep::data;
using vmsweep::test::ScratchFile;

namespace {

constexpr std::int64_t kHourSeconds = 3600;

// A trace of (hour, value) rows in relative seconds.
void write_trace(const std::filesystem::path& path, const std::vector<std::pair<int, double>>& rows) {
  std::ofstream out(path);
  out << "t\tv\n";
  for (const auto& [hour, value] : rows) out << hour * kHourSeconds << "\t" << value << "\n";
}

// Two-hour samples in four 6-hour bins, rows at 00:00, 08:00 and 16:00 absent:
//   bin 0 [00, 06)  02:3  04:5          target 4   sub-steps (3*, 3, 5)
//   bin 1 [06, 12)  06:7  10:11         target 9   sub-steps (7, 7*, 11)     linear: (7, 9*, 11)
//   bin 2 [12, 18)  12:20 14:30         target 25  sub-steps (20, 30, 30*)   linear: (20, 30, 35*)
//   bin 3 [18, 24)  18:40 20:50         target 45  sub-steps (40, 50, 50*)
// (* filled: before the first sample with the first value, after the last with the last, gaps by `missing`.)
const std::vector<std::pair<int, double>> kTinyRows{{2, 3}, {4, 5}, {6, 7}, {10, 11}, {12, 20}, {14, 30}, {18, 40}, {20, 50}};

Value tiny_block(const std::filesystem::path& path, Value::Map extra) {
  Value block = Value::Map{{"path", path.string()}, {"resample", "6H"}, {"history_freq", "2H"},
                           {"split", Value::Map{{"val", "test"}, {"test", 1}}}, {"scale", "none"}};
  for (auto& [key, value] : extra) block.set(key, value);
  return block;
}

PreparedData prepare_tiny(Value::Map extra = {}, WindowSpec windows = {1, 1, 1}) {
  const ScratchFile file("history_tiny.tsv");
  write_trace(file.path(), kTinyRows);
  return prepare(DataSpec::from_value(tiny_block(file.path(), std::move(extra))), windows);
}

std::vector<float> inputs_of(const PreparedData& data, std::size_t step) {
  auto inputs = data.inputs(step);
  return {inputs.begin(), inputs.end()};
}

Value marked(Value value) { return std::move(value).with_mark(SourceMark{"sweep.yaml", 4, 17}); }

DataSpec parse(Value::Map fields) {
  Value block = Value::Map{{"path", "trace.txt"}};
  for (auto& [key, value] : fields) block.set(key, value);
  return DataSpec::from_value(block);
}

}  // namespace

TEST_CASE("history_freq: each step carries its target and its sub-step means, gaps filled by missing") {
  PreparedData data = prepare_tiny();
  REQUIRE(data.input_channels() == 4);
  REQUIRE(data.values() == std::vector<double>{4, 9, 25, 45});
  CHECK(inputs_of(data, 0) == std::vector<float>{4, 3, 3, 5});
  CHECK(inputs_of(data, 1) == std::vector<float>{9, 7, 7, 11});
  CHECK(inputs_of(data, 2) == std::vector<float>{25, 20, 30, 30});
  CHECK(inputs_of(data, 3) == std::vector<float>{45, 40, 50, 50});
  PreparedData linear = prepare_tiny({{"missing", "linear"}});
  CHECK(inputs_of(linear, 1) == std::vector<float>{9, 7, 9, 11});
  CHECK(inputs_of(linear, 2) == std::vector<float>{25, 20, 30, 35});
  CHECK(inputs_of(linear, 3) == std::vector<float>{45, 40, 50, 50});
}

TEST_CASE("history_freq: without it a step has one channel, the series itself") {
  PreparedData data = prepare_tiny({{"history_freq", ""}});
  CHECK(data.input_channels() == 1);
  CHECK(inputs_of(data, 2) == std::vector<float>{25});
  CHECK(data.history_scaler().kind() == "none");
}

TEST_CASE("history_freq: the sub-steps have their own scaler, fitted like the target's") {
  // Two training windows (look-back 1) touch steps 0..2: targets 4..25, sub-steps 3..30.
  PreparedData train_fit = prepare_tiny({{"scale", "minmax"}});
  CHECK(train_fit.scaler().offset() == 4);
  CHECK(train_fit.scaler().scale() == 21);
  CHECK(train_fit.history_scaler().kind() == "minmax");
  CHECK(train_fit.history_scaler().offset() == 3);
  CHECK(train_fit.history_scaler().scale() == 27);
  auto scaled = [](double x, double offset, double scale) { return static_cast<float>((x - offset) / scale); };
  CHECK(inputs_of(train_fit, 3) == std::vector<float>{scaled(45, 4, 21), scaled(40, 3, 27), scaled(50, 3, 27), scaled(50, 3, 27)});
  PreparedData all_fit = prepare_tiny({{"scale", "minmax"}, {"scale_fit", "all"}});
  CHECK(all_fit.history_scaler().offset() == 3);
  CHECK(all_fit.history_scaler().scale() == 47);
  PreparedData zscore = prepare_tiny({{"scale", "zscore"}, {"scale_fit", "all"}});
  CHECK(zscore.history_scaler().kind() == "zscore");
  CHECK(zscore.history_scaler().offset() == Approx(256.0 / 12));
  // The target's scaler is what it is without history: eval's baselines rely on it.
  PreparedData plain = prepare_tiny({{"scale", "minmax"}, {"history_freq", ""}});
  CHECK(plain.scaler().offset() == train_fit.scaler().offset());
  CHECK(plain.scaled() == train_fit.scaled());
}

TEST_CASE("history_freq: gather writes x[t*N*C + n*C + c] with every channel of the look-back steps") {
  PreparedData data = prepare_tiny({}, {2, 1, 1});
  REQUIRE(data.window_count() == 2);
  const std::vector<std::size_t> windows{1, 0};
  std::vector<float> x(2 * windows.size() * 4), y(windows.size());
  data.gather(windows, x.data(), y.data());
  CHECK(x == std::vector<float>{9, 7, 7, 11, /**/ 4, 3, 3, 5,   // t = 0: window 1 (step 1), window 0 (step 0)
                                25, 20, 30, 30, /**/ 9, 7, 7, 11});  // t = 1: steps 2 and 1
  CHECK(y == std::vector<float>{45, 25});
}

TEST_CASE("history_freq: a window's inputs do not change when the raw values of its target day do") {
  // 40 days of hourly load; the last window's target is the last day, a test day the scaler never sees.
  auto load = [](int hour) { return 10.0 + 5.0 * std::sin(hour * 0.26) + hour % 7; };
  std::vector<std::pair<int, double>> rows;
  for (int hour = 0; hour < 40 * 24; ++hour) rows.emplace_back(hour, load(hour));
  const Value::Map extra{{"resample", "D"}, {"history_freq", "H"}, {"scale", "minmax"},
                         {"split", Value::Map{{"val", 3}, {"test", 5}}}};
  auto last_window = [&](const std::vector<std::pair<int, double>>& trace, std::vector<float>& x, float& y) {
    const ScratchFile file("history_leak.tsv");
    write_trace(file.path(), trace);
    PreparedData data = prepare(DataSpec::from_value(tiny_block(file.path(), extra)), {7, 1, 1});
    REQUIRE(data.input_channels() == 25);
    const std::vector<std::size_t> window{data.window_count() - 1};
    x.resize(7 * 25);
    data.gather(window, x.data(), &y);
  };
  std::vector<float> x_before, x_after;
  float y_before = 0, y_after = 0;
  last_window(rows, x_before, y_before);
  for (int hour = 39 * 24; hour < 40 * 24; ++hour) rows[static_cast<std::size_t>(hour)].second = 1000.0 + hour;
  last_window(rows, x_after, y_after);
  CHECK(x_after == x_before);
  CHECK(y_after != y_before);
}

TEST_CASE("history_freq: channels are bitwise identical on 1 and 2 threads") {
  const ScratchFile file("history_synth.tsv");
  SynthSpec synth;
  synth.steps = 100'000;
  synth.interval_ms = 300'000;
  synth.gap_rate = 0.01;
  write_synthetic_trace(synth, file.path());
  auto run = [&](int threads) {
    Value block = Value::Map{{"path", file.path().string()}, {"resample", "D"}, {"history_freq", "15min"}, {"missing", "linear"}};
    PreparedData data;
    with_thread_limit(threads, [&] { data = prepare(DataSpec::from_value(block), {14, 1, 1}); });
    return data;
  };
  PreparedData one = run(1), two = run(2);
  REQUIRE(one.input_channels() == 97);
  REQUIRE(one.values().size() > 300);
  for (std::size_t step = 0; step < one.values().size(); ++step) CHECK(inputs_of(one, step) == inputs_of(two, step));
}

TEST_CASE("history_freq: the data block refuses what cannot give whole sub-steps, at the field's mark") {
  auto refused = [](Value::Map fields, const std::string& message) {
    INFO(message);
    CHECK_THROWS_WITH(parse(std::move(fields)), Catch::StartsWith("sweep.yaml:4:17: history_freq: ") && Catch::Contains(message));
  };
  refused({{"history_freq", marked("H")}}, "'H' needs 'resample'");
  refused({{"resample", "D"}, {"history_freq", marked("7H")}}, "'7H' does not divide resample 'D' into whole sub-steps");
  refused({{"resample", "H"}, {"history_freq", marked("H")}}, "'H' is not finer than resample 'H'");
  refused({{"resample", "H"}, {"history_freq", marked("2H")}}, "is not finer");
  refused({{"resample", "D"}, {"history_freq", marked("1min")}}, "1440 sub-steps per resample 'D' step, more than 1024");
  refused({{"resample", "D"}, {"history_freq", marked("H")}, {"missing", "none"}}, "use missing: ffill or linear");
  CHECK_THROWS_WITH(parse({{"resample", "D"}, {"history_freq", marked("2X")}}),
                    Catch::StartsWith("sweep.yaml:4:17: ") && Catch::Contains("not a frequency"));
  CHECK(parse({{"resample", "D"}, {"history_freq", "30min"}}).sub_steps() == 48);
  CHECK(parse({{"resample", "D"}, {"history_freq", "none"}}).sub_steps() == 0);
}

TEST_CASE("history_freq: finer than the trace's interval is refused when the trace is read") {
  const ScratchFile file("history_fine.tsv");
  write_trace(file.path(), kTinyRows);
  const DataSpec spec = DataSpec::from_value(tiny_block(file.path(), {{"history_freq", marked("H")}}));
  CHECK_THROWS_AS(prepare(spec, {1, 1, 1}), InputError);
  CHECK_THROWS_WITH(prepare(spec, {1, 1, 1}),
                    Catch::StartsWith("sweep.yaml:4:17: history_freq: 'H' is finer than the trace's interval of 2H"));
}
