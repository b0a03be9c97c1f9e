// The notebook's trace, aa.txt: the facts the issue states and the notebook's baseline numbers.
#include <catch2/catch.hpp>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/eval/baselines.hpp"

using namespace vmsweep;
using namespace vmsweep::data;

namespace {

DataSpec aa_spec() { return DataSpec::from_value(Value::Map{{"path", VMSWEEP_AA_TXT}}); }

DataSpec daily_spec(Value split) {
  Value block = Value::Map{{"path", VMSWEEP_AA_TXT}, {"resample", "D"}, {"scale_fit", "all"}, {"split", std::move(split)}};
  return DataSpec::from_value(block);
}

// Daily means of the values as they are, MinMax over the whole series, the first 440 windows
// (int(0.8 * 550), as the notebook counted) for training and the last 96 for test, validation
// reusing test (sweeps/notebook.yaml).
DataSpec notebook_spec() { return daily_spec(Value::Map{{"train", 440}, {"val", "test"}, {"test", 96}}); }

}  // namespace

TEST_CASE("aa.txt: 13,189 hourly rows from 2013-01-01 00:00 to 2014-07-04 12:00, no gaps, 14 values of -1") {
  DataSpec spec = aa_spec();
  spec.invalid_below = 0.0;
  PreparedData data = prepare(spec, {});
  const TraceReport& report = data.report();
  CHECK(report.rows == 13189);
  CHECK(format_iso8601(report.first_ms) == "2013-01-01 00:00:00");
  CHECK(format_iso8601(report.last_ms) == "2014-07-04 12:00:00");
  CHECK(report.interval_ms == 3'600'000);
  CHECK(report.interval_detected);
  CHECK(report.gaps == 0);
  CHECK(report.missing_steps == 0);
  CHECK(report.duplicates == 0);
  CHECK(report.invalid == 14);
  CHECK(report.filled == 14);
  CHECK(data.values().size() == 13189);
  CHECK(report.delimiter == '\t');
  CHECK(report.value_column == "data_hourly");
}

TEST_CASE("aa.txt: daily means of the raw values give 550 days, 4.541666... first and 4.461538... last") {
  PreparedData data = prepare(notebook_spec(), {});
  REQUIRE(data.values().size() == 550);
  CHECK(data.values().front() == Approx(109.0 / 24).epsilon(1e-12));
  CHECK(data.values().front() == Approx(4.541666666666667));
  CHECK(data.values().back() == Approx(4.461538461538462));
  CHECK(format_iso8601(data.timestamps_ms().front()) == "2013-01-01 00:00:00");
  CHECK(format_iso8601(data.timestamps_ms().back()) == "2014-07-04 00:00:00");
  CHECK(data.step_ms() == kMillisPerDay);
}

TEST_CASE("aa.txt: the notebook's split is 440 training and 96 test windows of 536") {
  PreparedData data = prepare(notebook_spec(), {14, 1, 1});
  CHECK(data.window_count() == 536);
  CHECK(data.range(Split::train).first == 0);
  CHECK(data.range(Split::train).count == 440);
  CHECK(data.range(Split::test).first == 440);
  CHECK(data.range(Split::test).count == 96);
  CHECK(data.range(Split::val).first == 440);
  CHECK(data.range(Split::val).count == 96);
  CHECK(data.target_step(440) == 454);
}

TEST_CASE("aa.txt: persistence on the notebook's test windows scores MSE 1.4287 and MAE 0.9067") {
  PreparedData data = prepare(notebook_spec(), {14, 1, 1});
  eval::Metrics metrics = eval::persistence(data, Split::test).score();
  CHECK(metrics.count == 96);
  CHECK(metrics.mse == Approx(1.4287).margin(1e-4));
  CHECK(metrics.mae == Approx(0.9067).margin(1e-4));
}

TEST_CASE("aa.txt: train the rest ({val: test, test: 96}) is the notebook's 440 at look-back 14, fewer at 28") {
  const DataSpec rest = daily_spec(Value::Map{{"val", "test"}, {"test", 96}});
  PreparedData by_rest = prepare(rest, {14, 1, 1});
  PreparedData notebook = prepare(notebook_spec(), {14, 1, 1});
  CHECK(by_rest.range(Split::train).count == 440);
  CHECK(by_rest.range(Split::test).first == notebook.range(Split::test).first);
  CHECK(by_rest.scaled() == notebook.scaled());
  // A longer look-back loses its first training windows, never a test target.
  PreparedData longer = prepare(rest, {28, 1, 1});
  CHECK(longer.range(Split::train).count == 440 - 14);
  CHECK(longer.target_period(Split::test) == notebook.target_period(Split::test));
}

TEST_CASE("aa.txt: fractions {train: 0.8, val: test, test: 0.2} cut at day int(0.8 * 550): the last 110 days are test") {
  PreparedData data = prepare(daily_spec(Value::Map{{"train", 0.8}, {"val", "test"}, {"test", 0.2}}), {14, 1, 1});
  CHECK(data.range(Split::train).count == 440 - 14);
  CHECK(data.range(Split::test).count == 110);
  CHECK(data.target_period(Split::test) == std::pair<std::size_t, std::size_t>{440, 549});
}
