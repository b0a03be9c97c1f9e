// How a baseline's row is chosen on validation: the one rule the report, /fleet and the guarded
// forecast share (train::baseline_chosen_on_validation).
#include <catch2/catch.hpp>

#include <cmath>

#include "vmsweep/train/baseline_scores.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

namespace {

BaselineScore row(const std::string& method, std::int64_t look_back, double val_mse, double val_r2) {
  BaselineScore score{method, "", look_back, 1, {{"val_mse", val_mse}, {"val_r2", val_r2}, {"test_mse", 10.0 * look_back}}};
  return score;
}

}  // namespace

TEST_CASE("a baseline's row is the best of its method on the validation metric, the first among equals") {
  const std::vector<BaselineScore> rows{row("ridge_ar", 12, 0.5, 0.1), row("persistence", 0, 0.1, 0.9),
                                        row("ridge_ar", 36, 0.3, 0.2), row("ridge_ar", 72, 0.3, 0.8),
                                        row("ridge_ar", 96, NAN, 0.95)};
  const BaselineScore* lowest = baseline_chosen_on_validation(rows, "ridge_ar", "val_mse", false);
  REQUIRE(lowest);
  CHECK(lowest->look_back == 36);  // 36 and 72 tie: the first; 96's NaN never counts
  const BaselineScore* highest = baseline_chosen_on_validation(rows, "ridge_ar", "val_r2", true);
  REQUIRE(highest);
  CHECK(highest->look_back == 96);  // a finite r2 of its own
  CHECK(baseline_chosen_on_validation(rows, "ses", "val_mse", false) == nullptr);
  CHECK(baseline_chosen_on_validation({row("ses", 0, NAN, NAN)}, "ses", "val_mse", false) == nullptr);
}

TEST_CASE("baselines are chosen on the sweep's metric when it is a validation metric, else on val_mse") {
  CHECK(baseline_choice_metric("val_mae") == "val_mae");
  CHECK(baseline_choice_metric("val_mse") == "val_mse");
  CHECK(baseline_choice_metric("test_mse") == "val_mse");
  CHECK(baseline_choice_metric("train_mse") == "val_mse");
}
