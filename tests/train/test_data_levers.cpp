// Issue 13's data levers at the trial level, on aa.txt daily: trials of different look-backs and
// season lags are validated and tested on the same days (and so are their baselines), and the
// model reads one input channel per season lag.
#include <catch2/catch.hpp>

#include <algorithm>

#include "trial_params.hpp"
#include "vmsweep/data/load_trace.hpp"
#include "vmsweep/train/baseline_scores.hpp"
#include "vmsweep/train/predictor.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

namespace {

Value trial_params(int look_back, Value season_lags = Value::List{}) {
  Value params = testing::small_trial_params();
  params.set("epochs", 1);
  params.set("look_back", look_back);
  params.set("season_lags", std::move(season_lags));
  return params;
}

// The days a trial predicted in one part, in order.
std::vector<std::int64_t> days_of(const TrialResult& result, SplitPart part) {
  std::vector<std::int64_t> days;
  for (std::size_t row = 0; row < result.predictions.split.size(); ++row)
    if (result.predictions.split[row] == part) days.push_back(result.predictions.timestamp_ms[row]);
  return days;
}

std::size_t count_of(const TrialResult& result, SplitPart part) { return days_of(result, part).size(); }

int input_channels(const TrialResult& result) {
  for (const NamedTensor& tensor : result.model->weights)
    if (tensor.name == "lstm0/weights_layer") return static_cast<int>(tensor.shape[0]);
  return 0;
}

}  // namespace

TEST_CASE("fair split: look-backs 7 and 21 and season lags are validated and tested on the same days", "[train][split]") {
  const TrialResult short_one = run_trial(trial_params(7), 1), long_one = run_trial(trial_params(21), 1),
                    lagged = run_trial(trial_params(7, Value::List{7, 14}), 1);
  for (const TrialResult* result : {&short_one, &long_one, &lagged}) REQUIRE(result->status == TrialStatus::ok);
  for (SplitPart part : {SplitPart::val, SplitPart::test}) {
    CHECK(days_of(long_one, part) == days_of(short_one, part));
    CHECK(days_of(lagged, part) == days_of(short_one, part));
  }
  // 70/10/20 of 550 days: val 55, test 110, whatever the window; train loses the days without history.
  CHECK(count_of(short_one, SplitPart::val) == 55);
  CHECK(count_of(short_one, SplitPart::test) == 110);
  CHECK(count_of(short_one, SplitPart::train) - count_of(long_one, SplitPart::train) == 14);
  CHECK(count_of(short_one, SplitPart::train) - count_of(lagged, SplitPart::train) == 13);  // lag 14 reaches 13 days further back
  // The model reads the series and one channel per lag.
  CHECK(input_channels(short_one) == 1);
  CHECK(input_channels(lagged) == 3);
}

TEST_CASE("fair split: the baselines of two look-backs score the same days, so persistence is one row", "[train][split]") {
  std::vector<std::string> problems;
  const std::vector<BaselineScore> scores = compute_baselines({trial_params(7), trial_params(21)}, problems);
  CHECK(problems.empty());
  const auto rows = [&](const char* method) {
    return std::count_if(scores.begin(), scores.end(), [&](const BaselineScore& s) { return s.method == method; });
  };
  CHECK(rows("persistence") == 1);
  CHECK(rows("ses") == 1);
  CHECK(rows("ridge_ar") == 2);  // its windows differ in length, its targets do not
  for (const BaselineScore& score : scores)
    if (score.method == "persistence") CHECK(score.look_back == 0);
}

TEST_CASE("season lags: a kept model's forecast builds the lag channels as the trial's windows had them", "[train][split]") {
  const TrialResult result = run_trial(trial_params(7, Value::List{7, 14}), 1);
  REQUIRE(result.status == TrialStatus::ok);
  REQUIRE(result.model);
  Predictor predictor(*result.model);
  // The trace without its last day: its forecast is the trial's prediction of that day.
  data::LoadedTrace trace = data::load_trace(predictor.settings().data);
  REQUIRE(trace.season_lags == std::vector<std::size_t>{7, 14});
  REQUIRE(result.predictions.timestamp_ms.back() == trace.timestamps_ms.back());
  trace.values.pop_back();
  trace.timestamps_ms.pop_back();
  CHECK(predictor.forecast(trace).front() == Approx(result.predictions.predicted.back()).epsilon(1e-6));
}
