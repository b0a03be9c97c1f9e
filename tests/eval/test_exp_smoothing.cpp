// Simple exponential smoothing: levels and forecasts worked out by hand, alpha = 1 as persistence,
// alpha chosen on validation only, and the reference on aa.txt with the honest beat-notebook split.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/exp_smoothing.hpp"

using namespace vmsweep;
using data::Split;

namespace {

// 8 steps; with look-back 2 and two windows each for validation and test, the rest for training.
// Every level at alpha = 0.5 is a dyadic fraction, so the expected values below are exact.
data::PreparedData hand_series(int horizon) {
  const std::vector<double> values{2, 4, 8, 0, 6, 10, 2, 4};
  std::vector<std::int64_t> times(values.size());
  for (std::size_t i = 0; i < times.size(); ++i) times[i] = static_cast<std::int64_t>(i) * 1000;
  data::SplitSpec split{data::SplitSpec::Mode::counts, -1, 2, 2, false};
  return data::PreparedData(times, values, 1000, {2, horizon, 1}, split, data::ScaleKind::none, data::ScaleFit::train);
}

// aa.txt as daily means, the last 96 windows as test and the 54 before them as validation.
data::PreparedData honest_aa(int look_back) {
  Value block = Value::Map{{"path", VMSWEEP_AA_TXT}, {"resample", "D"}, {"split", Value::Map{{"val", 54}, {"test", 96}}}};
  return data::prepare(data::DataSpec::from_value(block), {look_back, 1, 1});
}

}  // namespace

TEST_CASE("SES: the level starts at the first value and moves alpha of the way to each new one") {
  const std::vector<double> series{2, 4, 8, 0, 6, 10, 2, 4};
  const std::vector<double> expected{2, 3, 5.5, 2.75, 4.375, 7.1875, 4.59375, 4.296875};
  CHECK(eval::smoothed_levels(series, 0.5) == expected);
  CHECK(eval::smoothed_levels(series, 1.0) == series);
  CHECK(eval::smoothed_levels(std::vector<double>{}, 0.5).empty());
}

TEST_CASE("SES: a window's forecast is the level after its last step, never the target's") {
  const data::PreparedData data = hand_series(1);
  REQUIRE(data.range(Split::val).count == 2);
  REQUIRE(data.range(Split::test).count == 2);
  const eval::ExpSmoothing ses = eval::exp_smoothing(0.5);
  const eval::Forecast val = ses.predict(data, Split::val);
  CHECK(val.actual == std::vector<double>{6, 10});
  CHECK(val.predicted == std::vector<double>{2.75, 4.375});  // levels after steps 3 and 4
  const eval::Forecast test = ses.predict(data, Split::test);
  CHECK(test.actual == std::vector<double>{2, 4});
  CHECK(test.predicted == std::vector<double>{7.1875, 4.59375});
  CHECK(test.score().mse == (5.1875 * 5.1875 + 0.59375 * 0.59375) / 2);
}

TEST_CASE("SES: every step of the horizon gets the same level") {
  const data::PreparedData data = hand_series(2);
  const eval::Forecast test = eval::exp_smoothing(0.5).predict(data, Split::test);
  // The test part is the last two target steps; its one window of two targets ends at step 5.
  CHECK(test.actual == std::vector<double>{2, 4});
  CHECK(test.predicted == std::vector<double>{7.1875, 7.1875});
  const eval::Forecast val = eval::exp_smoothing(0.5).predict(data, Split::val);
  CHECK(val.actual == std::vector<double>{6, 10});  // window 2 ends at step 3: targets 4 and 5
  CHECK(val.predicted == std::vector<double>{2.75, 2.75});
}

TEST_CASE("SES: alpha 1 is persistence exactly") {
  const data::PreparedData aa = honest_aa(14), hand = hand_series(2);
  const eval::ExpSmoothing ses = eval::exp_smoothing(1.0);
  for (Split part : {Split::train, Split::val, Split::test}) {
    CHECK(ses.predict(aa, part).predicted == eval::persistence(aa, part).predicted);
    CHECK(ses.predict(hand, part).predicted == eval::persistence(hand, part).predicted);
  }
}

TEST_CASE("SES: alpha must be above 0 and at most 1, and a grid without such an alpha is an error") {
  CHECK_THROWS_AS(eval::exp_smoothing(0.0), Error);
  CHECK_THROWS_AS(eval::exp_smoothing(1.5), Error);
  CHECK_THROWS_AS(eval::exp_smoothing(std::numeric_limits<double>::quiet_NaN()), Error);
  const std::vector<double> invalid{0.0, -1.0, 2.0};
  CHECK_THROWS_AS(eval::select_exp_smoothing(hand_series(1), invalid), Error);
}

TEST_CASE("SES: the default grid runs from 0.01 to 1 in steps of 0.01") {
  const std::vector<double> alphas = eval::default_ses_alphas();
  REQUIRE(alphas.size() == 100);
  CHECK(alphas.front() == 0.01);
  CHECK(alphas[27] == 0.28);
  CHECK(alphas.back() == 1.0);
}

TEST_CASE("SES: alpha is chosen on validation, even where the test windows prefer another") {
  // On aa.txt, alpha 0.3 scores better than 0.4 on validation and worse on test.
  const data::PreparedData data = honest_aa(14);
  const std::vector<double> alphas{0.4, 0.3};
  const auto val_mse = [&](double alpha) { return eval::exp_smoothing(alpha).predict(data, Split::val).score().mse; };
  const auto test_mse = [&](double alpha) { return eval::exp_smoothing(alpha).predict(data, Split::test).score().mse; };
  REQUIRE(val_mse(0.3) < val_mse(0.4));
  REQUIRE(test_mse(0.4) < test_mse(0.3));
  CHECK(eval::select_exp_smoothing(data, alphas).alpha == 0.3);
  const eval::ExpSmoothing best = eval::select_exp_smoothing(data);
  for (double alpha : eval::default_ses_alphas()) CHECK(val_mse(best.alpha) <= val_mse(alpha));
}

TEST_CASE("aa.txt: SES scores test MSE about 1.09 on the last 96 days, alpha chosen on the 54 before") {
  // Cross-checked with pandas/numpy (daily means, the same recursion, alpha grid 0.01..1):
  // alpha 0.28, validation MSE 1.184567, test MSE 1.101440.
  const data::PreparedData data = honest_aa(14);
  const eval::ExpSmoothing ses = eval::select_exp_smoothing(data);
  const eval::Metrics val = ses.predict(data, Split::val).score(), test = ses.predict(data, Split::test).score();
  CHECK(ses.alpha == 0.28);
  CHECK(test.count == 96);
  CHECK(val.count == 54);
  CHECK(val.mse == Approx(1.184567).epsilon(1e-5));
  CHECK(test.mse == Approx(1.101440).epsilon(1e-5));
  CHECK(test.mse == Approx(1.09).epsilon(0.05));
  CHECK(test.mse < eval::persistence(data, Split::test).score().mse);
}
