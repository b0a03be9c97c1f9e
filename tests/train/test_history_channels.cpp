// A trial whose inputs carry hourly history beside the daily target (history_freq: H): a
// 25-channel model trains, scores finite metrics, and its checkpoint predicts the same again.
#include <catch2/catch.hpp>

#include <cmath>

#include "train/trial_params.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/load_trace.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/train/predictor.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

namespace {

int first_layer_inputs(const Checkpoint& checkpoint) {
  for (const NamedTensor& tensor : checkpoint.weights)
    if (tensor.name == "lstm0/weights_layer") return static_cast<int>(tensor.shape.at(0));
  return 0;
}

}  // namespace

TEST_CASE("hourly history feeds a 25-channel model that trains, scores and predicts again", "[train][history]") {
  Value params = testing::small_trial_params();
  params.set("history_freq", "H");
  params.set("epochs", 2);
  TrialResult trained = run_trial(params, 1);
  INFO(trained.reason);
  REQUIRE(trained.status == TrialStatus::ok);
  REQUIRE(trained.model.has_value());
  CHECK(first_layer_inputs(*trained.model) == 25);
  for (const char* metric : {"train_mse", "val_mse", "test_mse"}) {
    INFO(metric);
    REQUIRE(trained.metric(metric) != nullptr);
    CHECK(std::isfinite(*trained.metric(metric)));
  }
  CHECK(trained.predictions.actual.size() == 536);

  Predictor predictor(*trained.model);
  const data::DataSpec spec = data::DataSpec::from_value(predictor.settings().data_block);
  const data::PreparedData data = data::prepare(spec, {predictor.settings().look_back, 1, spec.stride});
  CHECK(predictor.predict(data).predicted == trained.predictions.predicted);
  const std::vector<double> history(14, 5.0);
  CHECK_THROWS_AS(predictor.forecast(history), InputError);

  // The trace cut after the last window's inputs: the forecast from the stored scalers (the series'
  // and the hourly history's) is bitwise that window's prediction.
  CHECK(trained.model->history_scaler_kind == "minmax");
  data::LoadedTrace trace = data::load_trace(spec);
  const std::size_t end = data.target_step(data.window_count() - 1);
  trace.values.resize(end);
  trace.timestamps_ms.resize(end);
  trace.history.values.resize(end * trace.history.per_step);
  CHECK(predictor.forecast(trace) == std::vector<double>{trained.predictions.predicted.back()});
}
