// Splits, scalers and the time-major batches, on a synthetic ramp whose every value is known.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <algorithm>

#include "fixture.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"

using namespace vmsweep;
using namespace vmsweep::data;

namespace {

// An hourly ramp 0, 1, 2, ... of `steps` rows, prepared with the given split and window shape.
PreparedData ramp(int steps, Value split, const WindowSpec& windows, Value::Map extra = {}) {
  const vmsweep::test::ScratchFile file("ramp.tsv");
  std::ofstream out(file.path());
  out << "t\tv\n";
  for (int i = 0; i < steps; ++i) out << i * 3600 << "\t" << i << "\n";
  out.close();
  Value block = Value::Map{{"path", file.path().string()}, {"split", std::move(split)}};
  for (auto& [key, value] : extra) block.set(key, value);
  return prepare(DataSpec::from_value(block), windows);
}

}  // namespace

TEST_CASE("split by fractions cuts the series at target steps int(fraction * steps), the test part taking the rest") {
  PreparedData data = ramp(100, Value::Map{{"train", 0.7}, {"val", 0.1}, {"test", 0.2}}, {10, 1, 1});
  CHECK(data.window_count() == 90);
  CHECK(data.target_step(0) == 10);
  CHECK(data.range(Split::train).first == 0);
  CHECK(data.range(Split::train).count == 60);  // targets 10..69: the first 10 steps are only inputs
  CHECK(data.range(Split::val).first == 60);
  CHECK(data.range(Split::val).count == 10);    // targets 70..79
  CHECK(data.range(Split::test).first == 70);
  CHECK(data.range(Split::test).count == 20);   // targets 80..99
}

TEST_CASE("fair split: every look-back and horizon gets the same validation and test targets, train loses the windows without history") {
  for (Value split : {Value(Value::Map{{"train", 0.7}, {"val", 0.1}, {"test", 0.2}}), Value(Value::Map{{"val", 12}, {"test", 15}})}) {
    INFO(split.to_string());
    const PreparedData short_one = ramp(100, split, {5, 1, 1});
    for (const WindowSpec windows : {WindowSpec{12, 1, 1}, WindowSpec{30, 1, 1}, WindowSpec{5, 3, 1}}) {
      INFO("look_back " << windows.look_back << " horizon " << windows.horizon);
      const PreparedData other = ramp(100, split, windows);
      for (Split part : {Split::val, Split::test}) CHECK(other.target_period(part) == short_one.target_period(part));
      // Windows are whole: with a horizon, the ones whose later targets leave the part are in none.
      for (Split part : {Split::val, Split::test})
        CHECK(other.range(part).count == short_one.range(part).count - static_cast<std::size_t>(windows.horizon - 1));
      CHECK(other.target_period(Split::train).first == static_cast<std::size_t>(windows.look_back));
      CHECK(other.target_period(Split::train).second == short_one.target_period(Split::train).second);
    }
  }
}

TEST_CASE("split by counts: the last windows are test, the ones before validation, the rest train") {
  PreparedData data = ramp(100, Value::Map{{"val", 5}, {"test", 7}}, {10, 1, 1});
  CHECK(data.window_count() == 90);
  CHECK(data.range(Split::test).first == 83);
  CHECK(data.range(Split::test).count == 7);
  CHECK(data.range(Split::val).first == 78);
  CHECK(data.range(Split::val).count == 5);
  CHECK(data.range(Split::train).count == 78);
  CHECK(data.target_step(89) == 99);
}

namespace {

// The target steps of a part's windows, in order.
std::vector<std::size_t> targets_of(const PreparedData& data, Split part) {
  std::vector<std::size_t> steps;
  const WindowRange range = data.range(part);
  for (std::size_t w = range.first; w < range.end(); ++w)
    for (int k = 0; k < data.windows().horizon; ++k) steps.push_back(data.target_step(w) + static_cast<std::size_t>(k));
  return steps;
}

}  // namespace

TEST_CASE("horizon windows: window i predicts steps i+L .. i+L+H-1 and no target crosses a part's boundary") {
  // Values 0..99 with scale none: a value is its step, so y shows which steps a window targets.
  const int look_back = 10, horizon = 4;
  PreparedData data = ramp(100, Value::Map{{"val", 20}, {"test", 20}}, {look_back, horizon, 1}, {{"scale", "none"}});
  REQUIRE(data.window_count() == 100 - look_back - horizon + 1);
  for (std::size_t i : {std::size_t{0}, std::size_t{41}, data.window_count() - 1}) {
    std::vector<float> x(look_back), y(horizon);
    const std::size_t window[] = {i};
    data.gather(window, x.data(), y.data());
    for (int t = 0; t < look_back; ++t) CHECK(x[t] == static_cast<float>(i + t));
    for (int k = 0; k < horizon; ++k) CHECK(y[k] == static_cast<float>(i + look_back + k));
  }
  // The parts begin at the same target steps as with horizon 1 (test: the last 20 steps, val the 20
  // before); each keeps the windows whose 4 targets all lie inside it, so 3 windows before each
  // boundary belong to no part.
  const std::vector<std::size_t> train = targets_of(data, Split::train), val = targets_of(data, Split::val),
                                  test = targets_of(data, Split::test);
  CHECK(train.front() == 10);
  CHECK(train.back() == 59);
  CHECK(val.front() == 60);
  CHECK(val.back() == 79);
  CHECK(test.front() == 80);
  CHECK(test.back() == 99);
  CHECK(data.range(Split::train).count == 50 - 3);
  CHECK(data.range(Split::val).count == 20 - 3);
  CHECK(data.range(Split::test).count == 20 - 3);
  CHECK(*std::max_element(train.begin(), train.end()) < *std::min_element(val.begin(), val.end()));
  CHECK(*std::max_element(val.begin(), val.end()) < *std::min_element(test.begin(), test.end()));
  // The scaler is fitted on the training windows' steps: inputs and targets, nothing later.
  CHECK(ramp(100, Value::Map{{"val", 20}, {"test", 20}}, {look_back, horizon, 1}).scaler().scale() == 59);
}

TEST_CASE("horizon windows with a stride: a window is dropped only when a later target reaches the next part") {
  // Stride 3: targets of window w are 3w+5 .. 3w+5+H-1; the boundaries stay where horizon 1 puts them.
  for (int horizon : {1, 2, 3, 4, 7}) {
    PreparedData data = ramp(200, Value::Map{{"train", 0.6}, {"val", 0.2}, {"test", 0.2}}, {5, horizon, 3}, {{"scale", "none"}});
    PreparedData one = ramp(200, Value::Map{{"train", 0.6}, {"val", 0.2}, {"test", 0.2}}, {5, 1, 3}, {{"scale", "none"}});
    INFO("horizon " << horizon);
    const std::size_t part_end[] = {120, 160, 200};  // the parts end at target steps int(0.6 x 200), int(0.2 x 200) later, 200
    for (Split part : {Split::train, Split::val, Split::test}) {
      CHECK(data.range(part).first == one.range(part).first);
      const std::vector<std::size_t> steps = targets_of(data, part);
      const std::size_t end = part_end[static_cast<int>(part)];
      CHECK(steps.back() < end);
      // The window after the part's last would reach past its end.
      if (part != Split::test) CHECK(data.target_step(data.range(part).end()) + static_cast<std::size_t>(horizon) - 1 >= end);
    }
  }
}

TEST_CASE("with val: test and a horizon, train stops before the first test target") {
  PreparedData data = ramp(100, Value::Map{{"train", 0.8}, {"val", "test"}, {"test", 0.2}}, {10, 5, 1}, {{"scale", "none"}});
  CHECK(data.range(Split::val).first == data.range(Split::test).first);
  CHECK(targets_of(data, Split::train).back() < targets_of(data, Split::test).front());
  CHECK(targets_of(data, Split::test).back() == 99);
}

TEST_CASE("stride spaces the windows' targets every stride-th step back from the last one") {
  // Targets 99, 96, ..., 12 (the first with 10 steps before it); parts cut at steps 50 and 75.
  PreparedData data = ramp(100, Value::Map{{"train", 0.5}, {"val", 0.25}, {"test", 0.25}}, {10, 1, 3});
  CHECK(data.window_count() == 30);
  CHECK(data.range(Split::train).count == 13);  // 12..48
  CHECK(data.range(Split::val).count == 8);     // 51..72
  CHECK(data.range(Split::test).count == 9);    // 75..99
  CHECK(data.window_start(2) == 8);
  CHECK(data.target_step(2) == 18);
  CHECK(data.target_step(29) == 99);
  // Another look-back keeps the grid, so the same validation and test targets.
  PreparedData longer = ramp(100, Value::Map{{"train", 0.5}, {"val", 0.25}, {"test", 0.25}}, {20, 1, 3});
  CHECK(longer.target_period(Split::test) == data.target_period(Split::test));
  CHECK(longer.target_period(Split::val) == data.target_period(Split::val));
}

TEST_CASE("minmax fitted on the training steps only, with an exact inverse") {
  PreparedData data = ramp(100, Value::Map{{"train", 0.7}, {"val", 0.1}, {"test", 0.2}}, {10, 1, 1});
  // The training windows (targets 10..69) touch steps 0..69 (inputs and targets).
  CHECK(data.scaler().kind() == "minmax");
  CHECK(data.scaler().offset() == 0);
  CHECK(data.scaler().scale() == 69);
  CHECK(data.scaled()[69] == 1.0f);
  CHECK(data.scaled()[99] == Approx(99.0 / 69));
  for (double x : {-3.5, 0.0, 42.25, 1e6}) CHECK(data.scaler().invert(data.scaler().apply(x)) == Approx(x).epsilon(1e-6));
}

TEST_CASE("scale_fit: all fits on the whole series, zscore uses the population deviation, none is the identity") {
  Value split = Value::Map{{"train", 0.7}, {"val", 0.1}, {"test", 0.2}};
  CHECK(ramp(100, split, {10, 1, 1}, {{"scale_fit", "all"}}).scaler().scale() == 99);
  Scaler z = ramp(100, split, {10, 1, 1}, {{"scale", "zscore"}}).scaler();
  CHECK(z.offset() == Approx(34.5));
  CHECK(z.scale() == Approx(std::sqrt((70.0 * 70 - 1) / 12)));
  PreparedData none = ramp(100, split, {10, 1, 1}, {{"scale", "none"}});
  CHECK(none.scaled()[57] == 57.0f);
}

TEST_CASE("gather writes x time-major (T x N x C) and y window-major (N x horizon)") {
  PreparedData data = ramp(100, Value::Map{{"val", 5}, {"test", 5}}, {3, 2, 1}, {{"scale", "none"}});
  const std::vector<std::size_t> windows{4, 0, 50};
  std::vector<float> x(3 * windows.size()), y(2 * windows.size());
  data.gather(windows, x.data(), y.data());
  CHECK(x == std::vector<float>{4, 0, 50, 5, 1, 51, 6, 2, 52});
  CHECK(y == std::vector<float>{7, 8, 3, 4, 53, 54});
  const std::vector<std::size_t> outside{data.window_count()};
  CHECK_THROWS_AS(data.gather(outside, x.data(), y.data()), Error);
}

TEST_CASE("a series too short for the look-back, horizon and split is bad input") {
  Value split = Value::Map{{"train", 0.7}, {"val", 0.1}, {"test", 0.2}};
  CHECK_THROWS_WITH(ramp(20, split, {30, 1, 1}), Catch::Contains("too short") && Catch::Contains("20 steps give 0 windows"));
  CHECK_THROWS_WITH(ramp(20, split, {14, 1, 1}), Catch::Contains("leaves the train part empty"));
  CHECK_THROWS_WITH(ramp(20, Value::Map{{"val", 5}, {"test", 5}}, {10, 1, 1}), Catch::Contains("leaves the train part empty"));
  CHECK_THROWS_AS(ramp(20, split, {0, 1, 1}), InputError);
  CHECK_THROWS_WITH(ramp(40, Value::Map{{"val", 3}, {"test", 10}}, {10, 4, 1}),
                    Catch::Contains("leaves the val part empty") && Catch::Contains("reach into the next part"));
}
