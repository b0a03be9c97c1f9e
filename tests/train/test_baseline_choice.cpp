// How a baseline's row is chosen on validation: the one rule the report, /fleet and the guarded
// forecast share (train::baseline_chosen_on_validation).
#include <catch2/catch.hpp>

#include <cmath>

#include "vmsweep/train/baseline_scores.hpp"
#include "vmsweep/train/guarded_forecast.hpp"

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

TEST_CASE("the guarded forecast takes up to 3 trials beating ridge AR by 2 % on validation, else ridge AR") {
  const std::vector<BaselineScore> rows{row("ridge_ar", 12, 1.0, 0.1), row("ridge_ar", 36, 0.5, 0.2),
                                        row("persistence", 0, 0.1, 0.9)};
  // In trial order; ranked by the sweep's metric (here train_mse, so baselines are chosen and compared
  // on val_mse) to 4, 9, 2, 7, 1, 3 (5 has none); the bar is ridge AR(36)'s val_mse 0.5 less 2 %: 0.49.
  const std::vector<GuardCandidate> candidates{{"1", 5.0, 0.48}, {"2", 3.0, 0.45}, {"3", 6.0, 0.30}, {"4", 1.0, 0.40},
                                               {"5", std::nullopt, 0.1}, {"7", 4.0, 0.49}, {"9", 2.0, std::nullopt}};
  const std::optional<GuardedChoice> choice = choose_guarded(candidates, rows, "train_mse", false);
  REQUIRE(choice);
  REQUIRE(choice->ridge);
  CHECK(choice->ridge->look_back == 36);
  CHECK(choice->members == std::vector<std::string>{"4", "2", "7"});  // 0.49 is on the bar; 9 has no value
  CHECK(guarded_description(*choice) == "trials 4 2 7");

  const std::optional<GuardedChoice> none_beat = choose_guarded({{"5", 0.1, 0.495}, {"6", 0.2, 0.8}}, rows, "train_mse", false);
  REQUIRE(none_beat);
  CHECK(none_beat->members.empty());
  CHECK(guarded_description(*none_beat) == "ridge_ar (look-back 36)");
  // A metric to maximize: the bar is ridge AR(36)'s r2 0.2 plus 2 % of it.
  const std::optional<GuardedChoice> maximized = choose_guarded({{"1", 0.2039, 0.2039}, {"2", 0.2041, 0.2041}}, rows, "val_r2", true);
  REQUIRE(maximized);
  CHECK(maximized->members == std::vector<std::string>{"2"});
  CHECK_FALSE(choose_guarded(candidates, {row("persistence", 0, 0.1, 0.9)}, "train_mse", false));
  // A candidate's scores from its metrics: the sweep's metric ranks, the choice metric (val_mse when
  // the sweep's is not a validation metric) is compared; a NaN is none.
  const GuardCandidate from_metrics = guard_candidate("8", {{"test_mse", 2.0}, {"val_mse", NAN}}, "test_mse");
  CHECK(from_metrics.ranking == 2.0);
  CHECK_FALSE(from_metrics.validation);
}
