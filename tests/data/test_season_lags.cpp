// season_lags: extra input channels holding the series one lag before the target, on a ramp whose
// every value is its step, so each input shows which step it came from.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include "fixture.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/load_trace.hpp"
#include "vmsweep/data/prepare.hpp"

using namespace vmsweep;
using namespace vmsweep::data;

namespace {

// Hourly values 0, 1, 2, ... (scale none: a scaled input is its step).
DataSpec ramp_spec(const std::filesystem::path& path, int steps, Value lags, Value split) {
  std::ofstream out(path);
  out << "t\tv\n";
  for (int i = 0; i < steps; ++i) out << i * 3600 << "\t" << i << "\n";
  out.close();
  return DataSpec::from_value(Value::Map{
      {"path", path.string()}, {"scale", "none"}, {"season_lags", std::move(lags)}, {"split", std::move(split)}});
}

Value list(std::initializer_list<Value> items) { return Value(Value::List(items)); }

Value counts() { return Value::Map{{"val", 10}, {"test", 10}}; }

}  // namespace

TEST_CASE("season lags: channel j of input step u holds y[u + 1 - lag_j], so the last step holds y[t - lag]") {
  const test::ScratchFile file("lags.tsv");
  const int look_back = 4;
  PreparedData data = prepare(ramp_spec(file.path(), 100, list({Value(24), Value("2H")}), counts()), {look_back, 1, 1});
  REQUIRE(data.input_channels() == 3);
  CHECK(data.season_lags() == std::vector<std::size_t>{24, 2});
  // The first window needs look_back + 24 - 1 steps before its target.
  CHECK(data.target_step(0) == 27);
  for (std::size_t w = 0; w < data.window_count(); w += 7) {
    const std::size_t t = data.target_step(w);
    std::vector<float> x(look_back * 3), y(1);
    const std::size_t window[] = {w};
    data.gather(window, x.data(), y.data());
    REQUIRE(y[0] == static_cast<float>(t));
    for (int i = 0; i < look_back; ++i) {
      const std::size_t u = t - look_back + i;
      const float* step = &x[i * 3];
      CHECK(step[0] == static_cast<float>(u));
      CHECK(step[1] == static_cast<float>(u + 1 - 24));
      CHECK(step[2] == static_cast<float>(u + 1 - 2));
      for (int c = 0; c < 3; ++c) CHECK(step[c] < static_cast<float>(t));  // no input at or after the target
    }
    CHECK(x[(look_back - 1) * 3 + 1] == static_cast<float>(t - 24));
  }
}

TEST_CASE("season lags leave validation and test alone and cost the training part its first windows") {
  const test::ScratchFile file("lags_split.tsv");
  PreparedData plain = prepare(ramp_spec(file.path(), 100, list({}), counts()), {4, 1, 1});
  PreparedData lagged = prepare(ramp_spec(file.path(), 100, list({Value(24)}), counts()), {4, 1, 1});
  CHECK(plain.input_channels() == 1);
  for (Split part : {Split::val, Split::test}) CHECK(lagged.target_period(part) == plain.target_period(part));
  CHECK(lagged.range(Split::train).count == plain.range(Split::train).count - 23);
}

TEST_CASE("a forecast's last window carries the same lag channels as the trials' windows") {
  const test::ScratchFile file("lags_last.tsv");
  const DataSpec spec = ramp_spec(file.path(), 60, list({Value(7)}), counts());
  const LoadedTrace trace = load_trace(spec);
  const std::vector<float> x = last_window(trace, 3, Scaler{}, Scaler{});
  // Steps 57, 58, 59 and the lag channel 51, 52, 53: the value 7 steps before the target 60.
  CHECK(x == std::vector<float>{57, 51, 58, 52, 59, 53});
}

TEST_CASE("season lags below one step, or durations that are not whole steps, are bad input at the key") {
  const test::ScratchFile file("lags_bad.tsv");
  CHECK_THROWS_AS(ramp_spec(file.path(), 50, list({Value(0)}), counts()), InputError);
  CHECK_THROWS_WITH(ramp_spec(file.path(), 50, list({Value(-3)}), counts()), Catch::Contains("at least 1 step"));
  CHECK_THROWS_WITH(ramp_spec(file.path(), 50, Value("D"), counts()), Catch::Contains("expected a list"));
  CHECK_THROWS_WITH(prepare(ramp_spec(file.path(), 50, list({Value("90min")}), counts()), {4, 1, 1}),
                    Catch::Contains("90min is not a whole number"));
  CHECK_THROWS_WITH(prepare(ramp_spec(file.path(), 50, list({Value(45)}), counts()), {4, 1, 1}),
                    Catch::Contains("train part empty") &&
                        Catch::Contains("the first window with its 48 steps of history targets step 48, where the training part has ended (step 30)"));
}

TEST_CASE("season lags after history_freq's channels: aa.txt daily with 24 hourly means and the day a week before") {
  const auto daily = [](Value::Map extra) {
    Value block = Value::Map{{"path", VMSWEEP_AA_TXT}, {"resample", "D"}, {"history_freq", "H"},
                             {"split", Value::Map{{"val", 54}, {"test", 96}}}};
    for (auto& [key, value] : extra) block.set(key, value);
    return prepare(DataSpec::from_value(block), {14, 1, 1});
  };
  const PreparedData plain = daily({}), lagged = daily({{"season_lags", list({Value("7D")})}});
  REQUIRE(plain.input_channels() == 25);
  REQUIRE(lagged.input_channels() == 26);
  // The same target in both: the series and hourly channels agree, the lag channel is y[u + 1 - 7].
  const std::size_t w = 100, shift = lagged.target_step(0) - plain.target_step(0);
  REQUIRE(lagged.target_step(w) == plain.target_step(w + shift));
  std::vector<float> x(14 * 26), x_plain(14 * 25), y(1);
  const std::size_t one[] = {w}, other[] = {w + shift};
  lagged.gather(one, x.data(), y.data());
  plain.gather(other, x_plain.data(), y.data());
  for (std::size_t i = 0; i < 14; ++i) {
    const std::size_t u = lagged.window_start(w) + i;
    for (std::size_t c = 0; c < 25; ++c) CHECK(x[i * 26 + c] == x_plain[i * 25 + c]);
    CHECK(x[i * 26 + 25] == lagged.scaled()[u + 1 - 7]);
  }
}
