// Metrics on small cases computed by hand, and the two baselines on a series whose every value is known.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "vmsweep/common/error.hpp"
#include "vmsweep/eval/baselines.hpp"

using namespace vmsweep;

TEST_CASE("metrics: MSE, RMSE, MAE, MAPE and sMAPE by hand") {
  const std::vector<double> actual{1, 2, 4, 0};
  const std::vector<double> predicted{2, 2, 2, 1};
  eval::Metrics m = eval::score(actual, predicted);
  CHECK(m.count == 4);
  CHECK(m.mse == Approx((1 + 0 + 4 + 1) / 4.0));
  CHECK(m.rmse == Approx(std::sqrt(1.5)));
  CHECK(m.mae == Approx((1 + 0 + 2 + 1) / 4.0));
  CHECK(m.mape_count == 3);  // the zero actual is left out
  CHECK(m.mape == Approx(100 * (1.0 + 0 + 0.5) / 3));
  CHECK(m.smape == Approx(100 * (2.0 / 3 + 0 + 4.0 / 6 + 2.0) / 4));
  // mean actual 7/4; squared deviations 9/16 + 1/16 + 81/16 + 49/16 = 140/16; squared errors 6
  CHECK(m.r2 == Approx(1 - 6.0 / (140.0 / 16)));
}

TEST_CASE("metrics: R squared is 1 for a perfect forecast, 0 for the mean, NaN for a constant series") {
  const std::vector<double> actual{1, 2, 3, 6};
  CHECK(eval::score(actual, actual).r2 == 1);
  CHECK(eval::score(actual, std::vector<double>(4, 3.0)).r2 == Approx(0).margin(1e-15));
  CHECK(eval::score(actual, std::vector<double>{6, 3, 2, 1}).r2 < 0);  // worse than the mean
  const std::vector<double> flat{2, 2, 2};
  CHECK(std::isnan(eval::score(flat, std::vector<double>{1, 2, 3}).r2));
}

TEST_CASE("metrics: a perfect forecast scores zero, all-zero points count as zero sMAPE") {
  const std::vector<double> values{0, 3, 5};
  eval::Metrics m = eval::score(values, values);
  CHECK(m.mse == 0);
  CHECK(m.mae == 0);
  CHECK(m.smape == 0);
  CHECK(m.mape == 0);
}

TEST_CASE("metrics: mismatched or empty inputs are an error") {
  const std::vector<double> two{1, 2}, one{1};
  CHECK_THROWS_AS(eval::score(two, one), Error);
  CHECK_THROWS_AS(eval::score({}, {}), Error);
  CHECK(std::isnan(eval::score(std::vector<double>{0.0}, std::vector<double>{1.0}).mape));
}

namespace {

// Squares 0, 1, 4, 9, ... hourly: every forecast has a closed form.
data::PreparedData squares(int steps, const data::WindowSpec& windows) {
  // Per process: ctest runs the test cases in parallel.
  const auto path = std::filesystem::temp_directory_path() / ("vmsweep_squares_" + std::to_string(::getpid()) + ".tsv");
  std::ofstream out(path);
  out << "t\tv\n";
  for (int i = 0; i < steps; ++i) out << i * 3600 << "\t" << i * i << "\n";
  out.close();
  Value block = Value::Map{{"path", path.string()}, {"split", Value::Map{{"val", 4}, {"test", 5}}}};
  data::PreparedData data = data::prepare(data::DataSpec::from_value(block), windows);
  std::filesystem::remove(path);
  return data;
}

}  // namespace

TEST_CASE("persistence predicts the window's last value for every step of the horizon") {
  data::PreparedData data = squares(40, {6, 2, 1});
  eval::Forecast forecast = eval::persistence(data, data::Split::test);
  REQUIRE(forecast.actual.size() == 8);
  // The test part is the last 5 target steps (35..39): windows 29..32, whose two targets all lie
  // inside it; window 29 ends at step 34 and targets steps 35 and 36.
  CHECK(forecast.actual[0] == 35 * 35);
  CHECK(forecast.actual[1] == 36 * 36);
  CHECK(forecast.actual.back() == 39 * 39);
  CHECK(forecast.predicted[0] == 34 * 34);
  CHECK(forecast.predicted[1] == 34 * 34);
  CHECK(eval::targets(data, data::Split::test) == forecast.actual);
}

TEST_CASE("seasonal naive looks one season back, or whole seasons when the horizon is longer") {
  data::PreparedData data = squares(40, {6, 2, 1});
  eval::Forecast weekly = eval::seasonal_naive(data, data::Split::test, 3);
  CHECK(weekly.predicted[0] == 32 * 32);  // step 35 - 3
  CHECK(weekly.predicted[1] == 33 * 33);  // step 36 - 3
  eval::Forecast short_season = eval::seasonal_naive(data, data::Split::test, 1);
  CHECK(short_season.predicted[1] == 34 * 34);  // step 35 is not known yet: two seasons back
  eval::Forecast long_season = eval::seasonal_naive(data, data::Split::train, 30);
  CHECK(long_season.predicted[0] == 5 * 5);  // before the series starts: the window's last value
  CHECK_THROWS_AS(eval::seasonal_naive(data, data::Split::test, 0), Error);
}

TEST_CASE("the default season is a day for hourly data and a week for daily data") {
  CHECK(squares(40, {6, 1, 1}).season_steps() == 24);
}
