// The issue-13 levers through the trainer (docs/levers.md): the highway's ridge start on series
// whose answer is known, and a short trial with each lever end to end, its kept model included.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "highway_init.hpp"
#include "train/trial_params.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/ridge_ar.hpp"
#include "vmsweep/train/predictor.hpp"
#include "vmsweep/train/run_trial.hpp"
#include "window_batch.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

namespace {

// 5 + sin(0.3 t) (+ a deterministic wiggle): without it a noise-free AR(2),
// y_t = 2 cos(0.3) y_{t-1} - y_{t-2} + 5 (2 - 2 cos(0.3)), in any affine units.
data::PreparedData series(int look_back, double wiggle = 0.0) {
  std::vector<std::int64_t> times;
  std::vector<double> values;
  for (int t = 0; t < 400; ++t) {
    times.push_back(t * 1000LL);
    values.push_back(5.0 + std::sin(0.3 * t) + wiggle * std::sin(1.7 * t * t));
  }
  data::SplitSpec split;  // 0.7 / 0.1 / 0.2
  return data::PreparedData(times, values, 1000, {look_back, 1, 1}, split, data::ScaleKind::minmax, data::ScaleFit::train);
}

model::ModelConfig highway_config(int look_back, int lags, model::WindowNorm norm, model::TargetKind target) {
  model::ModelConfig config;
  config.hidden = {4};
  config.time_steps = look_back;
  config.batch = 16;
  config.ar_highway = lags;
  config.window_norm = norm;
  config.target = target;
  return config;
}

// The LSTM's output at exactly zero: the model is its frame's anchor plus the highway.
void zero_head(model::LstmStack& model) {
  std::vector<NamedTensor> weights = model.weights();
  for (NamedTensor& tensor : weights)
    if (tensor.name.starts_with("head/")) std::fill(tensor.values.begin(), tensor.values.end(), 0.0f);
  model.set_weights(weights);
}

const NamedTensor& tensor(const std::vector<NamedTensor>& weights, const std::string& name) {
  for (const NamedTensor& t : weights)
    if (t.name == name) return t;
  FAIL("no tensor " << name);
  throw;
}

std::vector<std::size_t> windows_of(data::WindowRange range) {
  std::vector<std::size_t> windows(range.count);
  std::iota(windows.begin(), windows.end(), range.first);
  return windows;
}

// Starts the highway on the training windows, chosen on validation; returns the test windows' predictions.
std::vector<float> start_and_predict(model::LstmStack& model, const data::PreparedData& data) {
  zero_head(model);
  start_highway(model, data, windows_of(data.range(data::Split::train)), gather_range(data, data.range(data::Split::val)));
  const WindowBatch test = gather_range(data, data.range(data::Split::test));
  std::vector<float> out(test.y.size());
  model.predict(test.x.data(), test.count, out.data());
  return out;
}

std::vector<float> test_targets(const data::PreparedData& data) {
  return gather_range(data, data.range(data::Split::test)).y;
}

}  // namespace

TEST_CASE("the highway alone is the least-squares AR(2) of a noise-free AR(2) series", "[train][levers]") {
  using model::TargetKind;
  using model::WindowNorm;
  const data::PreparedData data = series(6);
  const std::vector<float> truth = test_targets(data);
  // The anchors 0 and last value are in the span of the last two values: the fit stays exact.
  for (const auto& [norm, target] : {std::pair{WindowNorm::none, TargetKind::level}, {WindowNorm::none, TargetKind::delta},
                                     {WindowNorm::last, TargetKind::level}, {WindowNorm::std, TargetKind::delta}}) {
    model::LstmStack model(highway_config(6, 2, norm, target));
    const std::vector<float> predicted = start_and_predict(model, data);
    for (std::size_t i = 0; i < truth.size(); ++i) CHECK(predicted[i] == Approx(truth[i]).margin(1e-4));
    // y_t - anchor on (y_{t-2}, y_{t-1}), oldest first: anchor 0 gives the AR(2) coefficients themselves.
    if (target == TargetKind::level && norm == WindowNorm::none) {
      const std::vector<NamedTensor> weights = model.weights();
      const NamedTensor& w = tensor(weights, "highway/weights");
      CHECK(w.values[0] == Approx(-1.0).margin(1e-4));
      CHECK(w.values[1] == Approx(2 * std::cos(0.3)).margin(1e-4));
    }
  }
  // The window mean is a linear function of all look_back values: exact again with K = look_back.
  model::LstmStack mean_model(highway_config(6, 6, WindowNorm::mean, TargetKind::level));
  const std::vector<float> predicted = start_and_predict(mean_model, data);
  for (std::size_t i = 0; i < truth.size(); ++i) CHECK(predicted[i] == Approx(truth[i]).margin(1e-4));
}

// A pattern of 10 arbitrary values repeated: one step back says little, ten steps back everything.
TEST_CASE("with ar_highway_channels the highway reads the season lag and fits a periodic series exactly", "[train][levers]") {
  std::vector<std::int64_t> times;
  std::vector<double> values;
  const double pattern[10] = {3, 7, 1, 8, 2, 9, 4, 6, 0, 5};
  for (int t = 0; t < 400; ++t) times.push_back(t * 1000LL), values.push_back(pattern[t % 10]);
  const data::PreparedData data(times, values, 1000, {4, 1, 1}, data::SplitSpec{}, data::ScaleKind::minmax,
                                data::ScaleFit::train, {}, {10});
  REQUIRE(data.input_channels() == 2);
  const std::vector<float> truth = test_targets(data);
  model::ModelConfig config = highway_config(4, 1, model::WindowNorm::none, model::TargetKind::level);
  config.input_channels = 2;
  config.ar_highway_channels = true;
  model::LstmStack seasonal(config);
  const std::vector<float> predicted = start_and_predict(seasonal, data);
  for (std::size_t i = 0; i < truth.size(); ++i) CHECK(predicted[i] == Approx(truth[i]).margin(1e-3));
  // Inputs oldest lag first, then the lag channel's last step, which holds y[target - 10].
  const std::vector<NamedTensor> weights = seasonal.weights();
  const NamedTensor& w = tensor(weights, "highway/weights");
  REQUIRE(w.values.size() == 2);
  CHECK(w.values[1] == Approx(1.0).margin(1e-3));
  // Without the channel the same highway is far off: what the test above measures is the lag's doing.
  config.ar_highway_channels = false;
  model::LstmStack plain(config);
  const std::vector<float> off = start_and_predict(plain, data);
  double worst = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) worst = std::max(worst, static_cast<double>(std::abs(off[i] - truth[i])));
  CHECK(worst > 0.2);
}

TEST_CASE("with window_norm none and K = look_back the highway starts as the ridge AR baseline", "[train][levers]") {
  const data::PreparedData data = series(8, 0.2);
  const eval::RidgeAr baseline = eval::select_ridge_ar(data);
  model::LstmStack model(highway_config(8, 8, model::WindowNorm::none, model::TargetKind::level));
  const double lambda = start_highway(model, data, windows_of(data.range(data::Split::train)),
                                      gather_range(data, data.range(data::Split::val)));
  CHECK(lambda == baseline.lambda);
  const std::vector<NamedTensor> weights = model.weights();
  const NamedTensor& w = tensor(weights, "highway/weights");
  for (std::size_t t = 0; t < 8; ++t) CHECK(w.values[t] == Approx(baseline.weights[t]).margin(1e-6));
  CHECK(tensor(weights, "highway/bias").values[0] == Approx(baseline.intercepts[0]).margin(1e-6));
}

namespace {

double test_mean(const TrialResult& result, std::vector<double> Predictions::*column) {
  const Predictions& rows = result.predictions;
  double sum = 0.0;
  int count = 0;
  for (std::size_t i = 0; i < rows.split.size(); ++i)
    if (rows.split[i] == SplitPart::test) {
      sum += (rows.*column)[i];
      ++count;
    }
  return sum / count;
}

TrialResult lever_trial(const std::string& key, const Value& value) {
  Value params = testing::small_trial_params();
  params.set(key, value);
  return run_trial(params, 1);
}

}  // namespace

TEST_CASE("a short trial with each lever trains and predicts in the trace's units", "[train][levers]") {
  const TrialResult plain = run_trial(testing::small_trial_params(), 1);
  REQUIRE(plain.status == TrialStatus::ok);
  for (const auto& [key, value] : {std::pair<std::string, Value>{"window_norm", Value("std")}, {"window_norm", Value("last")},
                                   {"window_norm", Value("mean")}, {"target", Value("delta")}, {"ar_highway", Value(7)}}) {
    const TrialResult result = lever_trial(key, value);
    INFO(key << " " << value.to_string() << ": " << result.reason);
    REQUIRE(result.status == TrialStatus::ok);
    CHECK(result.params.find(key)->to_string() == value.to_string());
    for (const EpochRecord& epoch : result.curve) CHECK((std::isfinite(epoch.train_loss) && std::isfinite(epoch.val_loss)));
    // In the trace's units: the test predictions' mean is the actuals' within 10%, and R^2 is about
    // persistence's (near 0 here for the delta target after 4 epochs) or better. Left in the frame's
    // units (around 0) or in scaled ones (0..1) the mean would be off by ~100% and R^2 far below -1.
    CHECK(testing::metric(result, "test_r2") > -0.5);
    CHECK(test_mean(result, &Predictions::predicted) == Approx(test_mean(result, &Predictions::actual)).epsilon(0.1));
    CHECK(result.predictions.predicted != plain.predictions.predicted);
    // The kept model predicts every window again, bitwise.
    REQUIRE(result.model.has_value());
    Predictor predictor(*result.model);
    const TrainSettings& settings = predictor.settings();
    const data::PreparedData data = data::prepare(settings.data, {settings.look_back, settings.horizon, settings.data.stride});
    CHECK(predictor.predict(data).predicted == result.predictions.predicted);
  }
}

TEST_CASE("the levers' defaults are recorded and leave a trial as it was", "[train][levers]") {
  const TrialResult plain = run_trial(testing::small_trial_params(), 1);
  REQUIRE(plain.status == TrialStatus::ok);
  CHECK(plain.params.find("window_norm")->as_string() == "none");
  CHECK(plain.params.find("target")->as_string() == "level");
  CHECK(plain.params.find("ar_highway")->as_int() == 0);
  Value spelled_out = testing::small_trial_params();
  spelled_out.set("window_norm", "none");
  spelled_out.set("target", "level");
  spelled_out.set("ar_highway", 0);
  const TrialResult same = run_trial(spelled_out, 1);
  CHECK(same.predictions.predicted == plain.predictions.predicted);
}

TEST_CASE("ar_highway longer than look_back is refused at its key", "[train][levers]") {
  const TrialResult result = lever_trial("ar_highway", Value(15));
  CHECK(result.status == TrialStatus::failed);
  CHECK_THAT(result.reason, Catch::Contains("key 'ar_highway': expected at most look_back (14"));
}

TEST_CASE("with the highway a trial starts as its linear fit and never ends worse than it on validation", "[train][levers]") {
  // K = look_back, window_norm none: the start is the ridge AR baseline. A learning rate far too high
  // for the LSTM makes every epoch worse than that start on validation: the start is restored.
  Value params = testing::small_trial_params();
  params.set("ar_highway", 14);
  params.set("learning_rate", 0.5);
  params.set("split", Value::Map{{"train", 0.7}, {"val", 0.1}, {"test", 0.2}});
  const TrialResult result = run_trial(params, 1);
  REQUIRE(result.status == TrialStatus::ok);
  const TrainSettings settings = settings_from_params(result.params);
  const data::PreparedData data = data::prepare(settings.data, {settings.look_back, settings.horizon, settings.data.stride});
  const eval::RidgeAr ridge = eval::select_ridge_ar(data);
  const double ridge_val = ridge.predict(data, data::Split::val).score().mse;
  for (const EpochRecord& epoch : result.curve) INFO("epoch " << epoch.epoch << " val_loss " << epoch.val_loss);
  CHECK(testing::metric(result, "val_mse") <= ridge_val * (1 + 1e-4));
  if (result.best_epoch == 0) CHECK(testing::metric(result, "val_mse") == Approx(ridge_val).epsilon(1e-4));
}
