// refit: true retrains on train + val for the selection run's best epoch count and scores the test
// part with that model; everything selection sees stays the selection run's.
#include <catch2/catch.hpp>

#include <string>

#include "train/trial_params.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;
using vmsweep::Value;
using vmsweep::train::testing::metric;

namespace {

Value refit_params(bool refit) {
  Value params = testing::small_trial_params();
  params.set("split", Value::Map{{"val", 40}, {"test", 60}});
  params.set("scale", "none");  // one scaler for both runs below, whatever their training part
  params.set("epochs", 12);
  params.set("patience", 3);
  params.set("learning_rate", 0.03);
  params.set("refit", refit);
  return params;
}

std::vector<double> test_predictions(const TrialResult& result) {
  std::vector<double> values;
  for (std::size_t row = 0; row < result.predictions.split.size(); ++row)
    if (result.predictions.split[row] == SplitPart::test) values.push_back(result.predictions.predicted[row]);
  return values;
}

}  // namespace

TEST_CASE("refit keeps the selection run's curve, train and val metrics", "[train][refit]") {
  const TrialResult selected = run_trial(refit_params(false), 1);
  const TrialResult refitted = run_trial(refit_params(true), 1);
  REQUIRE(selected.status == TrialStatus::ok);
  REQUIRE(refitted.status == TrialStatus::ok);
  CHECK(refitted.best_epoch == selected.best_epoch);
  CHECK(refitted.curve.size() == selected.curve.size());
  CHECK(refitted.curve.back().val_loss == selected.curve.back().val_loss);
  CHECK(metric(refitted, "val_mse") == metric(selected, "val_mse"));
  CHECK(metric(refitted, "train_mse") == metric(selected, "train_mse"));
  CHECK(metric(refitted, "test_mse") != metric(selected, "test_mse"));
}

TEST_CASE("refit scores test with a model trained on train + val for the best epoch count", "[train][refit]") {
  const TrialResult refitted = run_trial(refit_params(true), 1);
  REQUIRE(refitted.status == TrialStatus::ok);
  REQUIRE(refitted.best_epoch < 12);  // early stopping chose an epoch, so the count matters
  // The same model trained directly: its training part is the refit's train + val (test is the rest's
  // complement either way), for best_epoch epochs, with nothing restored.
  Value direct = refit_params(false);
  direct.set("split", Value::Map{{"val", "test"}, {"test", 60}});
  direct.set("epochs", refitted.best_epoch);
  direct.set("patience", 0);
  direct.set("restore_best", false);
  const TrialResult expected = run_trial(direct, 1);
  REQUIRE(expected.status == TrialStatus::ok);
  CHECK(metric(refitted, "test_mse") == metric(expected, "test_mse"));
  CHECK(test_predictions(refitted) == test_predictions(expected));
}

TEST_CASE("refit with `val: test` is refused before any training", "[train][refit]") {
  Value params = refit_params(true);
  params.set("split", Value::Map{{"val", "test"}, {"test", 60}});
  const TrialResult result = run_trial(params, 1);
  CHECK(result.status == TrialStatus::failed);
  CHECK(result.curve.empty());
  CHECK(result.reason.find("refit: true needs a validation part of its own") != std::string::npos);
}
