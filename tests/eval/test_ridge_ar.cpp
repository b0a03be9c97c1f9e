// Ridge autoregression: exact recovery of a known linear recurrence, the choice of penalty on
// validation only, and the lag-14 reference on aa.txt with the notebook's split.
#include <catch2/catch.hpp>

#include <cmath>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/ridge_ar.hpp"

using namespace vmsweep;
using data::Split;

namespace {

// x_t = 0.6 x_{t-1} - 0.3 x_{t-2} + 2 + a small deterministic wobble that keeps it from settling.
data::PreparedData recurrence(int horizon) {
  std::vector<double> values{1.0, 3.0};
  for (int t = 2; t < 200; ++t) values.push_back(0.6 * values[t - 1] - 0.3 * values[t - 2] + 2 + std::sin(t * 1.3));
  std::vector<std::int64_t> times(values.size());
  for (std::size_t i = 0; i < times.size(); ++i) times[i] = static_cast<std::int64_t>(i) * 1000;
  data::SplitSpec split;  // 0.7 / 0.1 / 0.2
  return data::PreparedData(times, values, 1000, {2, horizon, 1}, split, data::ScaleKind::none, data::ScaleFit::train);
}

data::PreparedData notebook_aa() {
  Value block = Value::Map{{"path", VMSWEEP_AA_TXT}, {"resample", "D"}, {"scale_fit", "all"},
                           {"split", Value::Map{{"train", 440}, {"val", "test"}, {"test", 96}}}};
  return data::prepare(data::DataSpec::from_value(block), {14, 1, 1});
}

}  // namespace

TEST_CASE("ridge AR: without a penalty, an AR(2) driven by a periodic input gets the signs right and beats persistence") {
  // The input is not a lag, so the fit is not exact; it must still beat persistence by far.
  const data::PreparedData data = recurrence(1);
  const eval::RidgeAr model = eval::fit_ridge_ar(data, 0.0);
  REQUIRE(model.weights.size() == 2);
  CHECK(model.weights[1] > 0.3);   // the most recent lag (t - 1) carries the positive coefficient
  CHECK(model.weights[0] < 0.0);   // the older lag the negative one
  CHECK(model.predict(data, Split::test).score().mse < 0.5 * eval::persistence(data, Split::test).score().mse);
}

TEST_CASE("ridge AR: a sinusoid, exactly AR(2), is recovered to rounding") {
  // 5 + sin(w t) satisfies x_t = 2 cos(w) x_{t-1} - x_{t-2} + 5 (2 - 2 cos(w)).
  const double w = 0.7;
  std::vector<double> values;
  std::vector<std::int64_t> times;
  for (int t = 0; t < 100; ++t) {
    values.push_back(5 + std::sin(w * t));
    times.push_back(t);
  }
  const data::PreparedData data(times, values, 1, {2, 1, 1}, {}, data::ScaleKind::none, data::ScaleFit::train);
  const eval::RidgeAr model = eval::fit_ridge_ar(data, 0.0);
  CHECK(model.weights[0] == Approx(-1.0).margin(1e-8));
  CHECK(model.weights[1] == Approx(2 * std::cos(w)).margin(1e-8));
  CHECK(model.intercepts[0] == Approx(5 * (2 - 2 * std::cos(w))).margin(1e-7));
  CHECK(model.predict(data, Split::test).score().mse < 1e-10);  // the scaled series is float
}

TEST_CASE("ridge AR: one model per horizon step, each predicting its own step") {
  const data::PreparedData data = recurrence(3);
  const eval::RidgeAr model = eval::fit_ridge_ar(data, 1e-6);
  CHECK(model.weights.size() == 6);
  CHECK(model.intercepts.size() == 3);
  const eval::Forecast test = model.predict(data, Split::test);
  CHECK(test.actual.size() == 3 * data.range(Split::test).count);
  CHECK(test.score().mse < eval::persistence(data, Split::test).score().mse);
}

TEST_CASE("ridge AR: the penalty chosen has the lowest validation MSE of the grid") {
  const data::PreparedData data = recurrence(1);
  const std::vector<double> lambdas{0.0, 1e-3, 1e-1, 10.0};
  const eval::RidgeAr chosen = eval::select_ridge_ar(data, lambdas);
  const double chosen_mse = chosen.predict(data, Split::val).score().mse;
  for (double lambda : lambdas)
    CHECK(chosen_mse <= eval::fit_ridge_ar(data, lambda).predict(data, Split::val).score().mse);
  // A heavy penalty shrinks the weights towards zero, i.e. towards the training mean.
  CHECK(std::fabs(eval::fit_ridge_ar(data, 10.0).weights[1]) < std::fabs(eval::fit_ridge_ar(data, 0.0).weights[1]));
}

TEST_CASE("aa.txt: a lag-14 ridge autoregression scores test MSE about 1.08 on the notebook's windows") {
  const data::PreparedData data = notebook_aa();
  const eval::RidgeAr model = eval::select_ridge_ar(data);
  const eval::Metrics test = model.predict(data, Split::test).score();
  CHECK(test.count == 96);
  CHECK(test.mse == Approx(1.08).epsilon(0.05));
  CHECK(test.mse < eval::persistence(data, Split::test).score().mse);
}

TEST_CASE("ridge AR: a problem of the data is reported, not taken for a penalty that does not fit") {
  std::vector<double> values{1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0};
  std::vector<std::int64_t> times(values.size());
  for (std::size_t i = 0; i < times.size(); ++i) times[i] = static_cast<std::int64_t>(i) * 1000;
  data::SplitSpec split;
  split.mode = data::SplitSpec::Mode::counts;  // of windows: one to train on, too few for a regression
  split.train = 1;
  split.val = 2;
  split.test = 2;
  const data::PreparedData data(times, values, 1000, {2, 1, 1}, split, data::ScaleKind::none, data::ScaleFit::train);
  const std::vector<double> lambdas{0.0, 1.0};
  CHECK_THROWS_WITH(eval::select_ridge_ar(data, lambdas), Catch::Contains("training windows; at least 2 are needed"));
}
