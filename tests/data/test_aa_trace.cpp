// The notebook's trace, aa.txt: the facts the issue states and the notebook's baseline numbers.
#include <catch2/catch.hpp>

#include "vmsweep/data/prepare.hpp"
#include "vmsweep/data/timestamps.hpp"
#include "vmsweep/eval/baselines.hpp"

using namespace vmsweep;
using namespace vmsweep::data;

namespace {

DataSpec aa_spec() { return DataSpec::from_value(Value::Map{{"path", VMSWEEP_AA_TXT}}); }

// Daily means of the values as they are, MinMax over the whole series, the first int(0.8 * 550)
// windows for training and the rest for test, validation reusing test.
DataSpec notebook_spec() {
  Value block = Value::Map{{"path", VMSWEEP_AA_TXT},
                           {"resample", "D"},
                           {"scale_fit", "all"},
                           {"split", Value::Map{{"train", 0.8}, {"val", "test"}, {"test", 0.2}}}};
  return DataSpec::from_value(block);
}

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

TEST_CASE("aa.txt: the same windows by counts ({val: test, test: 96}) as by fractions") {
  Value block = Value::Map{{"path", VMSWEEP_AA_TXT}, {"resample", "D:mean"}, {"scale_fit", "all"},
                           {"split", Value::Map{{"val", "test"}, {"test", 96}}}};
  PreparedData by_counts = prepare(DataSpec::from_value(block), {14, 1, 1});
  PreparedData by_fractions = prepare(notebook_spec(), {14, 1, 1});
  CHECK(by_counts.range(Split::train).count == by_fractions.range(Split::train).count);
  CHECK(by_counts.range(Split::test).first == by_fractions.range(Split::test).first);
  CHECK(by_counts.scaled() == by_fractions.scaled());
}
