#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <thread>

#include "train/trial_params.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;
using vmsweep::Value;
using vmsweep::train::testing::small_trial_params;

namespace {

void require_identical(const TrialResult& a, const TrialResult& b) {
  REQUIRE(a.curve.size() == b.curve.size());
  for (std::size_t i = 0; i < a.curve.size(); ++i) {
    CHECK(a.curve[i].train_loss == b.curve[i].train_loss);
    CHECK(a.curve[i].val_loss == b.curve[i].val_loss);
  }
  CHECK(a.predictions.predicted == b.predictions.predicted);
  CHECK(a.metrics == b.metrics);
}

}  // namespace

TEST_CASE("a trial trains, evaluates every part and predicts every window", "[train][trial]") {
  TrialResult result = run_trial(small_trial_params(), 1);
  INFO(result.reason);
  REQUIRE(result.status == TrialStatus::ok);
  CHECK(result.epochs_run == 4);
  CHECK(result.curve.size() == 4);
  CHECK(result.curve.back().train_loss < result.curve.front().train_loss);
  CHECK(result.seed == 7);
  CHECK(result.threads == 1);
  CHECK(result.params.find("look_back")->as_int() == 14);
  for (const char* part : {"train", "val", "test"})
    for (const char* metric : {"mse", "rmse", "mae", "mape", "smape", "r2"})
      CHECK(result.metric(std::string(part) + "_" + metric) != nullptr);
  CHECK(*result.metric("test_rmse") == Approx(std::sqrt(*result.metric("test_mse"))));
  CHECK(*result.metric("val_r2") <= 1);  // R squared, from the same squared errors as val_mse
  // 70/10/20 of 550 target days: train days 14..384 (the first 14 are only inputs), val 385..439,
  // test 440..549: 371 + 55 + 110 windows, every one predicted.
  const auto& split = result.predictions.split;
  REQUIRE(result.predictions.actual.size() == 536);
  CHECK(std::count(split.begin(), split.end(), SplitPart::train) == 371);
  CHECK(std::count(split.begin(), split.end(), SplitPart::val) == 55);
  CHECK(std::count(split.begin(), split.end(), SplitPart::test) == 110);
  CHECK(result.predictions.timestamp_ms.back() - result.predictions.timestamp_ms.front() == 535LL * 86400000);
}

TEST_CASE("two runs with the same seed give identical curves and predictions", "[train][trial]") {
  TrialResult first = run_trial(small_trial_params(), 1);
  TrialResult second = run_trial(small_trial_params(), 1);
  REQUIRE(first.status == TrialStatus::ok);
  require_identical(first, second);
  Value other_seed = small_trial_params();
  other_seed.set("seed", 8);
  CHECK(run_trial(other_seed, 1).curve.front().train_loss != first.curve.front().train_loss);
}

TEST_CASE("two trials in concurrent threads equal the same trials run one after another", "[train][trial]") {
  Value params_b = small_trial_params();
  params_b.set("seed", 11);
  params_b.set("layers", Value::List{16, 8});
  TrialResult sequential_a = run_trial(small_trial_params(), 1);
  TrialResult sequential_b = run_trial(params_b, 1);
  TrialResult concurrent_a, concurrent_b;
  std::thread worker_a([&] { concurrent_a = run_trial(small_trial_params(), 1); });
  std::thread worker_b([&] { concurrent_b = run_trial(params_b, 1); });
  worker_a.join();
  worker_b.join();
  REQUIRE(concurrent_a.status == TrialStatus::ok);
  REQUIRE(concurrent_b.status == TrialStatus::ok);
  require_identical(sequential_a, concurrent_a);
  require_identical(sequential_b, concurrent_b);
}

TEST_CASE("the epoch callback sees every epoch and can stop the trial", "[train][trial]") {
  std::vector<int> seen;
  TrialResult result = run_trial(small_trial_params(), 1, [&](const EpochRecord& record) {
    seen.push_back(record.epoch);
    return record.epoch < 2;
  });
  CHECK(seen == std::vector<int>{1, 2});
  CHECK(result.status == TrialStatus::stopped);
  CHECK(result.epochs_run == 2);
  CHECK(result.metric("test_mse") != nullptr);  // a stopped trial is still evaluated
}

TEST_CASE("an exception from the epoch callback is the caller's: it passes on, the trial is not failed", "[train][trial]") {
  auto lost_link = [](const EpochRecord&) -> bool { throw vmsweep::Error("the coordinator is gone"); };
  CHECK_THROWS_WITH(run_trial(small_trial_params(), 1, lost_link), "the coordinator is gone");
}

TEST_CASE("a huge learning rate diverges with its epoch instead of crashing", "[train][trial]") {
  Value params = small_trial_params();
  params.set("optimizer", "sgd");
  params.set("learning_rate", 10.0);
  params.set("epochs", 20);
  TrialResult result = run_trial(params, 1);
  REQUIRE(result.status == TrialStatus::diverged);
  CHECK(result.diverged_epoch >= 1);
  CHECK(result.epochs_run == result.diverged_epoch);
  CHECK(result.curve.size() == static_cast<std::size_t>(result.diverged_epoch - 1));
  CHECK(result.reason.find("epoch " + std::to_string(result.diverged_epoch)) != std::string::npos);
}

TEST_CASE("bad parameters or data fail the trial with the reason", "[train][trial]") {
  Value params = small_trial_params();
  params.set("learning_rat", 0.1);
  TrialResult result = run_trial(params, 1);
  CHECK(result.status == TrialStatus::failed);
  CHECK(result.reason.find("did you mean 'learning_rate'") != std::string::npos);

  params = small_trial_params();
  params.set("path", "/nonexistent/trace.txt");
  result = run_trial(params, 1);
  CHECK(result.status == TrialStatus::failed);
  CHECK(result.reason.find("/nonexistent/trace.txt") != std::string::npos);
  CHECK(run_trial(small_trial_params(), 0).status == TrialStatus::failed);
}
