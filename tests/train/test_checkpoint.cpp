#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "train/trial_params.hpp"
#include "vmsweep/io/checkpoint_file.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/train/predictor.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

namespace {
data::PreparedData prepare_for(const TrainSettings& settings) {
  data::DataSpec spec = data::DataSpec::from_value(settings.data_block);
  return data::prepare(spec, {settings.look_back, settings.horizon, spec.stride});
}
}  // namespace

TEST_CASE("a checkpoint predicts exactly what the trained model predicted", "[train][checkpoint]") {
  Value params = testing::small_trial_params();
  params.set("layers", Value::List{12, 6});
  params.set("horizon", 2);
  TrialResult trained = run_trial(params, 1);
  INFO(trained.reason);
  REQUIRE(trained.status == TrialStatus::ok);
  REQUIRE(trained.model.has_value());
  const Checkpoint& checkpoint = *trained.model;
  CHECK(checkpoint.best_epoch == trained.best_epoch);
  CHECK(checkpoint.scaler_kind == "minmax");
  CHECK(checkpoint.params == trained.params);

  Predictor predictor(checkpoint);
  const data::PreparedData data = prepare_for(predictor.settings());
  Predictions again = predictor.predict(data);
  CHECK(again.predicted == trained.predictions.predicted);
  CHECK(again.actual == trained.predictions.actual);
  CHECK(again.timestamp_ms == trained.predictions.timestamp_ms);

  // Forecasting from the last window's history gives that window's two predicted steps.
  const std::size_t last = data.window_count() - 1;
  std::span<const double> history(data.values().data() + data.window_start(last), 14);
  std::vector<double> next = predictor.forecast(history);
  REQUIRE(next.size() == 2);
  CHECK(next[0] == again.predicted[again.predicted.size() - 2]);
  CHECK(next[1] == again.predicted.back());
}

TEST_CASE("a checkpoint with weights of the wrong shape is refused", "[train][checkpoint]") {
  TrialResult trained = run_trial(testing::small_trial_params(), 1);
  REQUIRE(trained.model.has_value());
  Checkpoint broken = *trained.model;
  broken.params.set("layers", Value::List{9});
  CHECK_THROWS_AS(Predictor{broken}, InputError);
  CHECK_THROWS_AS(Predictor{Checkpoint{}}, InputError);
}

TEST_CASE("a checkpoint file predicts exactly what the trained model predicted", "[train][checkpoint]") {
  TrialResult trained = run_trial(testing::small_trial_params(), 1);
  REQUIRE(trained.model.has_value());
  const auto file = std::filesystem::temp_directory_path() / ("vmsweep-checkpoint-" + std::to_string(::getpid()) + ".h5");
  io::write_checkpoint(file, *trained.model);
  Checkpoint loaded = io::read_checkpoint(file);
  std::filesystem::remove(file);
  Predictor predictor(loaded);
  CHECK(predictor.predict(prepare_for(predictor.settings())).predicted == trained.predictions.predicted);
}
