// The cost model's structure with calibrations given by the test (never a measured speed), and
// that a real calibration gives a usable one.
#include <catch2/catch.hpp>

#include <cmath>

#include "vmsweep/common/error.hpp"
#include "vmsweep/train/calibrate.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/trial_cost.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

namespace {

TrainSettings settings_with(int look_back, std::vector<int> layers, int epochs = 10) {
  Value::Map params{{"look_back", look_back}, {"epochs", epochs}, {"batch_size", 32}};
  Value::List sizes;
  for (int size : layers) sizes.emplace_back(size);
  params.emplace_back("layers", Value(std::move(sizes)));
  return settings_from_params(Value(std::move(params)));
}

}  // namespace

TEST_CASE("a configuration of twice the FLOPs takes twice the seconds at a fixed rate", "[train][cost]") {
  const EpochWindows windows{320, 64, 1};
  const TrainSettings short_look = settings_with(7, {64, 32}), long_look = settings_with(14, {64, 32});
  REQUIRE(flops_per_epoch(long_look, windows) == Approx(2 * flops_per_epoch(short_look, windows)));
  const Calibration rate_only{0.0, 4e9, 1};
  CHECK(trial_seconds(long_look, windows, rate_only) == Approx(2 * trial_seconds(short_look, windows, rate_only)));
  CHECK(trial_seconds(short_look, windows, rate_only) == Approx(10 * flops_per_epoch(short_look, windows) / 4e9));

  // A fixed part per batch is the same for both (10 training + 2 validation batches an epoch), so
  // the longer look-back costs less than twice.
  const Calibration with_batches{1e-3, 4e9, 1};
  CHECK(batches_per_epoch(short_look, windows) == 12);
  CHECK(seconds_per_epoch(short_look, windows, with_batches) ==
        Approx(12e-3 + flops_per_epoch(short_look, windows) / 4e9));
  const double ratio = trial_seconds(long_look, windows, with_batches) / trial_seconds(short_look, windows, with_batches);
  CHECK(ratio > 1.0);
  CHECK(ratio < 2.0);
}

TEST_CASE("a trial's work adds up over epochs and trials", "[train][cost]") {
  const EpochWindows windows{100, 20, 1};
  const TrainSettings settings = settings_with(7, {32}, 25);
  const TrialWork work = trial_work(settings, windows);
  CHECK(work.flops == Approx(25 * flops_per_epoch(settings, windows)));
  CHECK(work.batches == 25 * (4 + 1));
  TrialWork both = work;
  both += work;
  const Calibration calibration{2e-4, 1e9, 1};
  CHECK(seconds_of(both, calibration) == Approx(2 * trial_seconds(settings, windows, calibration)));
}

TEST_CASE("the calibration is the line through the timed steps", "[train][cost]") {
  // 0.5 ms per batch + 1 GFLOP/s, exactly.
  const Calibration line = fit_calibration({{1e6, 0.5e-3 + 1e-3}, {3e6, 0.5e-3 + 3e-3}, {2e6, 0.5e-3 + 2e-3}}, 2);
  CHECK(line.seconds_per_batch == Approx(0.5e-3));
  CHECK(line.flops_per_second == Approx(1e9));
  CHECK(line.threads == 2);
  // One FLOP count, or a line below zero at no FLOPs: all of the time is FLOPs at the mean rate.
  const Calibration one = fit_calibration({{2e6, 1e-3}, {2e6, 3e-3}}, 1);
  CHECK(one.seconds_per_batch == 0);
  CHECK(one.flops_per_second == Approx(4e6 / 4e-3));
  const Calibration steep = fit_calibration({{1e6, 1e-4}, {2e6, 1e-3}}, 1);
  CHECK(steep.seconds_per_batch == 0);
  CHECK(steep.flops_per_second == Approx(3e6 / 1.1e-3));
  CHECK_THROWS_AS(fit_calibration({}, 1), InputError);
}

TEST_CASE("a calibration on this machine gives a usable model", "[train][cost]") {
  const std::vector<CalibrationModel> models{{settings_with(7, {8}), 1}, {settings_with(14, {32, 16}), 1}};
  const Calibration calibration = calibrate(models, 1, 0.02);
  CHECK(calibration.threads == 1);
  CHECK(calibration.seconds_per_batch >= 0);
  CHECK(std::isfinite(calibration.flops_per_second));
  CHECK(calibration.flops_per_second > 0);
  CHECK(trial_seconds(models[1].settings, {100, 10, 1}, calibration) > 0);
}
