#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "vmsweep/train/lr_schedule.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

TEST_CASE("exponential schedule keeps 50 epochs, then decays by exp(-0.1) per epoch", "[train][schedule]") {
  auto schedule = make_exponential_schedule(1e-3, 50, 0.1);
  CHECK(schedule->rate(1) == 1e-3);
  CHECK(schedule->rate(50) == 1e-3);
  CHECK(schedule->rate(51) == Approx(1e-3 * std::exp(-0.1)).epsilon(1e-15));
  CHECK(schedule->rate(52) == Approx(1e-3 * std::exp(-0.2)).epsilon(1e-15));
  CHECK(schedule->rate(100) == Approx(1e-3 * std::exp(-5.0)).epsilon(1e-15));
}

TEST_CASE("step schedule multiplies by gamma every step_size epochs", "[train][schedule]") {
  auto schedule = make_step_schedule(0.1, 10, 0.5);
  CHECK(schedule->rate(1) == 0.1);
  CHECK(schedule->rate(10) == 0.1);
  CHECK(schedule->rate(11) == 0.05);
  CHECK(schedule->rate(20) == 0.05);
  CHECK(schedule->rate(21) == 0.025);
}

TEST_CASE("cosine schedule falls from the initial rate towards lr_min", "[train][schedule]") {
  auto schedule = make_cosine_schedule(0.1, 100, 0.01);
  CHECK(schedule->rate(1) == Approx(0.1));
  CHECK(schedule->rate(51) == Approx(0.055));  // halfway: (0.1 + 0.01) / 2
  CHECK(schedule->rate(26) == Approx(0.01 + 0.09 * (1 + std::cos(std::numbers::pi / 4)) / 2));
  CHECK(schedule->rate(100) == Approx(0.01 + 0.09 * (1 + std::cos(std::numbers::pi * 0.99)) / 2));
}

TEST_CASE("plateau schedule decays after patience epochs without improvement", "[train][schedule]") {
  auto schedule = make_plateau_schedule(0.1, 2, 0.5, 0.03, 0.0);
  CHECK(schedule->rate(1) == 0.1);
  schedule->observe(1.0);  // best
  schedule->observe(0.9);  // better
  schedule->observe(0.9);  // not better: 1
  CHECK(schedule->rate(4) == 0.1);
  schedule->observe(0.95);  // 2 -> decay
  CHECK(schedule->rate(5) == 0.05);
  schedule->observe(0.91);
  schedule->observe(0.92);  // 2 more -> decay, floored at lr_min
  CHECK(schedule->rate(7) == 0.03);
  schedule->observe(0.5);  // improvement resets the count
  schedule->observe(0.6);
  CHECK(schedule->rate(9) == 0.03);
}

TEST_CASE("constant schedule and the factory", "[train][schedule]") {
  TrainSettings settings;
  settings.learning_rate = 0.02;
  settings.schedule.kind = vmsweep::train::ScheduleKind::constant;
  CHECK(make_schedule(settings)->rate(77) == 0.02);
  settings.schedule.kind = vmsweep::train::ScheduleKind::step;
  settings.schedule.step_size = 1;
  settings.schedule.step_gamma = 0.5;
  CHECK(make_schedule(settings)->rate(3) == 0.005);
}
