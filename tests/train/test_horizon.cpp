// Multi-step trials: metrics and validation loss per step ahead, the kept model's conformal
// calibration, and the coverage of its intervals on a series whose noise is known.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <unistd.h>

#include "train/trial_params.hpp"
#include "vmsweep/common/rng.hpp"
#include "vmsweep/eval/conformal.hpp"
#include "vmsweep/train/forecast_scores.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;
using testing::metric;

namespace {

double mean_of_steps(const TrialResult& result, const std::string& prefix, int horizon) {
  double sum = 0;
  for (int k = 1; k <= horizon; ++k) sum += metric(result, prefix + "_h" + std::to_string(k));
  return sum / horizon;
}

// x_t = phi x_{t-1} + e_t, e_t ~ N(0, 1), hourly: the best forecast of step k ahead is phi^k x_t,
// with an error variance that grows with k; any model's errors are exchangeable between two
// later parts of the series, which is all split-conformal intervals need.
std::filesystem::path ar1_trace(std::size_t steps, double phi, std::uint64_t seed) {
  const auto path = std::filesystem::temp_directory_path() / ("vmsweep_ar1_" + std::to_string(::getpid()) + ".tsv");
  std::ofstream out(path);
  out << "t\tv\n";
  Rng rng(seed);
  double x = 0;
  for (std::size_t i = 0; i < steps; ++i) {
    x = phi * x + rng.normal();
    out << i * 3600 << "\t" << x << "\n";
  }
  return path;
}

}  // namespace

TEST_CASE("a horizon-7 trial scores each step ahead; their mean is the objective", "[train][horizon]") {
  Value params = testing::small_trial_params();
  params.set("horizon", 7);
  const TrialResult result = run_trial(params, 1);
  INFO(result.reason);
  REQUIRE(result.status == TrialStatus::ok);
  for (const char* part : {"val", "test"}) {
    CHECK(metric(result, std::string(part) + "_mse") == Approx(mean_of_steps(result, std::string(part) + "_mse", 7)));
    CHECK(metric(result, std::string(part) + "_mae") == Approx(mean_of_steps(result, std::string(part) + "_mae", 7)));
  }
  CHECK(result.metric("train_mse_h1") == nullptr);
  CHECK(result.metric("val_mse_h8") == nullptr);
  // 70/10/20 of 550 daily steps: target steps 14..384 / 385..439 / 440..549 (371 / 55 / 110); 6
  // windows before each boundary reach into the next part, so 365 / 49 / 104 windows of 7 rows each.
  const auto& split = result.predictions.split;
  CHECK(std::count(split.begin(), split.end(), SplitPart::train) == 365 * 7);
  CHECK(std::count(split.begin(), split.end(), SplitPart::val) == 49 * 7);
  CHECK(std::count(split.begin(), split.end(), SplitPart::test) == 104 * 7);
  // The validation loss per step after every epoch; with mse their mean is the epoch's val_loss.
  REQUIRE(result.val_loss_by_step.size() == result.curve.size() * 7);
  for (std::size_t epoch = 0; epoch < result.curve.size(); ++epoch) {
    const double sum = std::accumulate(result.val_loss_by_step.begin() + epoch * 7, result.val_loss_by_step.begin() + epoch * 7 + 7, 0.0);
    CHECK(sum / 7 == Approx(result.curve[epoch].val_loss).epsilon(1e-5));
  }
}

TEST_CASE("the kept model carries the validation errors per step, and the test coverage is theirs", "[train][horizon]") {
  Value params = testing::small_trial_params();
  params.set("horizon", 3);
  const TrialResult result = run_trial(params, 1);
  REQUIRE(result.status == TrialStatus::ok);
  REQUIRE(result.model);
  const std::vector<std::vector<double>>& calibration = result.model->calibration;
  REQUIRE(calibration.size() == 3);
  for (const std::vector<double>& errors : calibration) {
    CHECK(errors.size() == 55 - 2);
    CHECK(std::is_sorted(errors.begin(), errors.end()));
  }
  CHECK(result.model->scaler_kind == "minmax");
  CHECK(result.model->history_scaler_kind == "none");
  // test_cover80 counts the test rows within +- q of their step.
  const eval::Calibration intervals{calibration};
  std::size_t inside = 0, rows = 0;
  const Predictions& p = result.predictions;
  for (std::size_t i = 0; i < p.actual.size(); ++i) {
    if (p.split[i] != SplitPart::test) continue;
    ++rows;
    inside += std::fabs(p.actual[i] - p.predicted[i]) <= intervals.half_width(p.horizon_step[i], 0.8);
  }
  CHECK(metric(result, "test_cover80") == Approx(static_cast<double>(inside) / rows));
  CHECK(metric(result, "test_width95") > metric(result, "test_width80"));
}

TEST_CASE("val: test leaves no honest calibration: no coverage metrics, the model calibrated on the test part", "[train][horizon]") {
  Value params = testing::small_trial_params();
  params.set("split", Value::Map{{"train", 440}, {"val", "test"}, {"test", 96}});
  const TrialResult result = run_trial(params, 1);
  REQUIRE(result.status == TrialStatus::ok);
  CHECK(result.metric("test_cover80") == nullptr);
  REQUIRE(result.model);
  REQUIRE(result.model->calibration.size() == 1);
  CHECK(result.model->calibration[0].size() == 96);  // 536 windows, 440 for training
}

TEST_CASE("conformal intervals cover 80 % and 95 % of an AR(1) series' test steps, within 5 points", "[train][horizon]") {
  const std::filesystem::path trace = ar1_trace(4000, 0.8, 2024);
  Value params = testing::small_trial_params();
  params.set("path", trace.string());
  params.as_map().erase(std::ranges::find(params.as_map(), "resample", &Value::Map::value_type::first));
  params.set("split", Value::Map{{"val", 1200}, {"test", 1200}});
  params.set("scale", "zscore");
  params.set("look_back", 4);
  params.set("horizon", 3);
  params.set("epochs", 8);
  params.set("seed", 5);
  const TrialResult result = run_trial(params, 1);
  std::filesystem::remove(trace);
  INFO(result.reason);
  REQUIRE(result.status == TrialStatus::ok);
  CHECK(metric(result, "test_cover80") == Approx(0.80).margin(0.05));
  CHECK(metric(result, "test_cover95") == Approx(0.95).margin(0.05));
  // A correctly sized model nears the best forecast: error variance 1 one step ahead, 1 + phi^2 two.
  CHECK(metric(result, "test_mse_h1") == Approx(1.0).margin(0.15));
  CHECK(metric(result, "test_mse_h2") == Approx(1.64).margin(0.25));
  // q80 of N(0, 1) is 1.2816: the mean width over the three steps is near 2 x 1.2816 x their mean sigma.
  const double mean_sigma = (1.0 + std::sqrt(1.64) + std::sqrt(1 + 0.64 + 0.4096)) / 3;
  CHECK(metric(result, "test_width80") == Approx(2 * 1.2816 * mean_sigma).epsilon(0.15));
}
