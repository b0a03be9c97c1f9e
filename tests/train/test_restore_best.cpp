#include <catch2/catch.hpp>

#include <algorithm>

#include "train/trial_params.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;
using vmsweep::Value;
using vmsweep::train::testing::small_trial_params;

TEST_CASE("early stopping restores the best epoch's weights", "[train][early_stopping][trial]") {
  Value params = small_trial_params();
  params.set("learning_rate", 0.05);
  params.set("epochs", 60);
  params.set("patience", 3);
  TrialResult stopped_early = run_trial(params, 1);
  REQUIRE(stopped_early.status == TrialStatus::ok);
  REQUIRE(stopped_early.epochs_run < 60);
  REQUIRE(stopped_early.best_epoch == stopped_early.epochs_run - 3);
  auto by_val_loss = [](const EpochRecord& a, const EpochRecord& b) { return a.val_loss < b.val_loss; };
  CHECK(std::min_element(stopped_early.curve.begin(), stopped_early.curve.end(), by_val_loss)->epoch ==
        stopped_early.best_epoch);

  // The same trial cut at the best epoch holds exactly the weights the early-stopped one restored.
  params.set("epochs", stopped_early.best_epoch);
  params.set("patience", 0);
  TrialResult cut_at_best = run_trial(params, 1);
  REQUIRE(cut_at_best.best_epoch == stopped_early.best_epoch);
  CHECK(cut_at_best.predictions.predicted == stopped_early.predictions.predicted);

  // Without restoring, the final weights are the last epoch's, and so are the predictions.
  params.set("epochs", 60);
  params.set("patience", 3);
  params.set("restore_best", false);
  TrialResult kept_last = run_trial(params, 1);
  CHECK(kept_last.best_epoch == kept_last.epochs_run);
  CHECK(kept_last.predictions.predicted != stopped_early.predictions.predicted);
}
