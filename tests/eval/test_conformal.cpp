// Split-conformal intervals and per-step scores: ranks worked out by hand, and the coverage
// guarantee on exchangeable errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/rng.hpp"
#include "vmsweep/eval/conformal.hpp"
#include "vmsweep/eval/step_scores.hpp"

using namespace vmsweep;

TEST_CASE("conformal: q is the ceil((n + 1) level)-th smallest absolute error of its step") {
  // Step 1: errors 1..9 (n = 9); step 2: errors 10, 20, ..., 90, given out of order and signed.
  std::vector<double> actual, predicted;
  std::vector<std::int32_t> steps;
  for (int i = 9; i >= 1; --i) {
    actual.insert(actual.end(), {100.0, 100.0});
    predicted.insert(predicted.end(), {100.0 + (i % 2 ? i : -i), 100.0 - 10 * i});
    steps.insert(steps.end(), {1, 2});
  }
  const eval::Calibration calibration = eval::calibrate(actual, predicted, steps, 2);
  REQUIRE(calibration.horizon() == 2);
  CHECK(calibration.abs_errors[0] == std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(calibration.half_width(1, 0.8) == 8);    // ceil(10 x 0.8) = 8, exactly (not 8.000001 -> 9)
  CHECK(calibration.half_width(2, 0.8) == 80);
  CHECK(calibration.half_width(1, 0.5) == 5);    // ceil(5) = 5
  CHECK(calibration.half_width(1, 0.85) == 9);   // ceil(8.5) = 9
  CHECK(std::isinf(calibration.half_width(1, 0.95)));  // ceil(9.5) = 10 > 9 errors: no finite bound
  CHECK_THROWS_AS(calibration.half_width(3, 0.8), Error);
  CHECK_THROWS_AS(calibration.half_width(1, 1.0), Error);

  // Scored on other windows: step 1 errors 7.5 (inside 8) and 8.5 (outside), step 2 error 80 (inside).
  const std::vector<double> test_actual{0, 0, 0}, test_predicted{7.5, -8.5, 80};
  const std::vector<std::int32_t> test_steps{1, 1, 2};
  const eval::IntervalScore score = eval::score_intervals(calibration, 0.8, test_actual, test_predicted, test_steps);
  CHECK(score.coverage == Approx(2.0 / 3));
  CHECK(score.mean_width == Approx((16 + 16 + 160) / 3.0));
}

TEST_CASE("conformal: on exchangeable errors the coverage is the level, within sampling noise") {
  Rng rng(11);
  const auto draw = [&](std::size_t n, std::vector<double>& actual, std::vector<double>& predicted) {
    for (std::size_t i = 0; i < n; ++i) {
      actual.push_back(rng.normal() * 3);
      predicted.push_back(0.0);
    }
  };
  std::vector<double> cal_actual, cal_predicted, test_actual, test_predicted;
  draw(2000, cal_actual, cal_predicted);
  draw(4000, test_actual, test_predicted);
  const std::vector<std::int32_t> cal_steps(2000, 1), test_steps(4000, 1);
  const eval::Calibration calibration = eval::calibrate(cal_actual, cal_predicted, cal_steps, 1);
  for (double level : {0.8, 0.95}) {
    const eval::IntervalScore score = eval::score_intervals(calibration, level, test_actual, test_predicted, test_steps);
    CHECK(score.coverage == Approx(level).margin(0.02));
    // The Gaussian interval: +- 3 z, with z = 1.2816 (80 %) and 1.9600 (95 %).
    CHECK(score.mean_width == Approx(2 * 3 * (level == 0.8 ? 1.2816 : 1.9600)).epsilon(0.06));
  }
}

TEST_CASE("score_by_step scores each step ahead on its own entries") {
  const std::vector<double> actual{1, 2, 3, 4, 5, 6}, predicted{1, 4, 3, 8, 6, 6};
  const std::vector<std::int32_t> steps = eval::window_major_steps(6, 2);
  CHECK(steps == std::vector<std::int32_t>{1, 2, 1, 2, 1, 2});
  const std::vector<eval::Metrics> scores = eval::score_by_step(actual, predicted, steps, 2);
  REQUIRE(scores.size() == 2);
  CHECK(scores[0].mse == Approx(1.0 / 3));        // errors 0, 0, 1
  CHECK(scores[1].mse == Approx((4 + 16 + 0) / 3.0));  // errors 2, 4, 0
  CHECK(scores[1].mae == Approx(2.0));
  const std::vector<std::int32_t> outside{1, 3, 1, 2, 1, 2};
  CHECK_THROWS_AS(eval::score_by_step(actual, predicted, outside, 2), Error);
}
