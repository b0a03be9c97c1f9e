// val_folds: rolling-origin validation. Fold k moves the validation part k of its lengths earlier;
// the trial's val metrics are the mean over the folds, the rest stays the ordinary split's.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "train/trial_params.hpp"
#include "validation_folds.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/ridge_ar.hpp"
#include "vmsweep/train/baseline_scores.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;
using vmsweep::Value;
using vmsweep::train::testing::metric;

namespace {

// aa.txt daily: 550 steps, 536 windows of 14; test the last 96, val the 54 before, train the rest.
Value fold_params(int folds, int test_windows = 96) {
  Value params = testing::small_trial_params();
  params.set("split", Value::Map{{"val", 54}, {"test", test_windows}});
  params.set("scale", "none");  // one scaler whatever the training part, so folds equal plain runs
  params.set("epochs", 6);
  params.set("patience", 2);
  params.set("val_folds", folds);
  return params;
}

vmsweep::data::PreparedData aa_daily() {
  vmsweep::data::DataSpec spec = vmsweep::data::DataSpec::from_value(
      Value::Map{{"path", VMSWEEP_AA_TXT}, {"resample", "D"}, {"split", Value::Map{{"val", 54}, {"test", 96}}}});
  return vmsweep::data::prepare(spec, {14, 1, 1});
}

}  // namespace

TEST_CASE("validation folds step back one validation length each until no training window is left", "[train][folds]") {
  const auto data = aa_daily();
  const FoldRanges zero = fold_ranges(data, 0), two = fold_ranges(data, 2), seven = fold_ranges(data, 7);
  CHECK(zero.train.first == 0);
  CHECK(zero.train.count == 386);
  CHECK(zero.val.first == 386);
  CHECK(zero.val.count == 54);
  CHECK(two.train.count == 278);
  CHECK(two.val.first == 278);
  CHECK(two.val.count == 54);
  CHECK(seven.train.count == 8);
  CHECK_THROWS_WITH(fold_ranges(data, 8), Catch::Contains("fold 8 would leave no training windows"));
}

TEST_CASE("val_folds averages val over folds and leaves test and curves to fold 0", "[train][folds]") {
  const TrialResult plain = run_trial(fold_params(1), 1);
  const TrialResult folded = run_trial(fold_params(2), 1);
  // Fold 1 trained directly: the ordinary split with the test part 54 windows longer.
  const TrialResult shifted = run_trial(fold_params(1, 96 + 54), 1);
  REQUIRE(plain.status == TrialStatus::ok);
  REQUIRE(folded.status == TrialStatus::ok);
  REQUIRE(shifted.status == TrialStatus::ok);
  CHECK(metric(folded, "val_mse") == (metric(plain, "val_mse") + metric(shifted, "val_mse")) / 2);
  CHECK(metric(folded, "val_mae") == (metric(plain, "val_mae") + metric(shifted, "val_mae")) / 2);
  CHECK(metric(folded, "val_mse") != metric(plain, "val_mse"));
  CHECK(metric(folded, "test_mse") == metric(plain, "test_mse"));
  CHECK(metric(folded, "train_mse") == metric(plain, "train_mse"));
  CHECK(folded.curve.size() == plain.curve.size());
  CHECK(folded.curve.back().val_loss == plain.curve.back().val_loss);
}

TEST_CASE("val_folds with `val: test` or too few windows fails before training", "[train][folds]") {
  Value params = fold_params(2);
  params.set("split", Value::Map{{"val", "test"}, {"test", 96}});
  TrialResult result = run_trial(params, 1);
  CHECK(result.status == TrialStatus::failed);
  CHECK(result.reason.find("val_folds: 2 needs a validation part of its own") != std::string::npos);
  result = run_trial(fold_params(9), 1);
  CHECK(result.status == TrialStatus::failed);
  CHECK(result.curve.empty());
  CHECK(result.reason.find("fold 8 would leave no training windows") != std::string::npos);
}

TEST_CASE("with val_folds the baselines' val metrics are the same folds' mean, each fold refitted", "[train][folds]") {
  std::vector<std::string> problems;
  const std::vector<BaselineScore> plain = compute_baselines({fold_params(1)}, problems);
  const std::vector<BaselineScore> folded = compute_baselines({fold_params(3)}, problems);
  CHECK(problems.empty());
  REQUIRE(plain.size() == folded.size());
  // By hand: ridge AR selected and fitted on each fold's training windows, scored on its validation.
  const TrainSettings settings = settings_from_params(fold_params(3));
  const data::PreparedData data = data::prepare(settings.data, {settings.look_back, settings.horizon, settings.data.stride});
  double ridge_val_mse = eval::select_ridge_ar(data).predict(data, data::Split::val).score().mse;
  for (int fold = 1; fold < 3; ++fold) {
    const FoldRanges ranges = fold_ranges(data, fold);
    const data::PreparedData view = data.with_parts(ranges.train, ranges.val);
    ridge_val_mse += eval::select_ridge_ar(view).predict(view, data::Split::val).score().mse;
  }
  ridge_val_mse /= 3;
  const auto value_of = [](const Metrics& metrics, const std::string& name) {
    return std::find_if(metrics.begin(), metrics.end(), [&](const auto& entry) { return entry.first == name; })->second;
  };
  const auto row_of = [](const std::vector<BaselineScore>& rows, const std::string& method) {
    return *std::find_if(rows.begin(), rows.end(), [&](const BaselineScore& row) { return row.method == method; });
  };
  const BaselineScore ridge = row_of(folded, "ridge_ar");
  CHECK(value_of(ridge.metrics, "val_mse") == Approx(ridge_val_mse).epsilon(1e-12));
  CHECK(value_of(ridge.metrics, "val_mse") != value_of(row_of(plain, "ridge_ar").metrics, "val_mse"));
  for (const char* method : {"persistence", "ridge_ar", "ses"}) {
    // Test is the ordinary split's, as a trial's with folds.
    CHECK(value_of(row_of(folded, method).metrics, "test_mse") == value_of(row_of(plain, method).metrics, "test_mse"));
  }
}
