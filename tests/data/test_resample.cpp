// Resampling against pandas: quarter_hourly.csv holds 15-minute samples from Fri 2013-01-04 06:00
// to Tue 2013-01-15 17:45 with 2013-01-08 missing entirely and three single holes. The expected
// numbers are pandas 1.5's `s.resample(rule).<agg>()` on the same file.
#include <catch2/catch.hpp>

#include <fstream>

#include "fixture.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/timestamps.hpp"

using namespace vmsweep;
using namespace vmsweep::data;
using vmsweep::test::tiny_prepare;

namespace {

std::vector<double> first_values(const PreparedData& data, std::size_t count) {
  return {data.values().begin(), data.values().begin() + static_cast<std::ptrdiff_t>(count)};
}

void check_close(const std::vector<double>& actual, const std::vector<double>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(actual[i] == Approx(expected[i]).margin(1e-9));
}

}  // namespace

TEST_CASE("resample D with each aggregation, daily bins from midnight UTC") {
  PreparedData mean = tiny_prepare("quarter_hourly.csv", {{"resample", "D"}});
  REQUIRE(mean.values().size() == 12);
  CHECK(format_iso8601(mean.timestamps_ms().front()) == "2013-01-04 00:00:00");
  CHECK(format_iso8601(mean.timestamps_ms().back()) == "2013-01-15 00:00:00");
  check_close(first_values(mean, 4), {5.336956521739, 5.34375, 5.427083333333, 5.395833333333});
  CHECK(mean.values()[11] == Approx(5.40277777778));
  check_close(first_values(tiny_prepare("quarter_hourly.csv", {{"resample", "D:sum"}}), 4), {368.25, 513.0, 521.0, 518.0});
  check_close(first_values(tiny_prepare("quarter_hourly.csv", {{"resample", "D:max"}}), 4), {10.75, 10.75, 10.75, 10.75});
  check_close(first_values(tiny_prepare("quarter_hourly.csv", {{"resample", "D:min"}}), 4), {0, 0, 0, 0});
  check_close(first_values(tiny_prepare("quarter_hourly.csv", {{"resample", "D:last"}}), 4), {2.75, 3.75, 4.75, 5.75});
}

TEST_CASE("resample: the empty day is filled by ffill or linear, or dropped by none") {
  CHECK(tiny_prepare("quarter_hourly.csv", {{"resample", "D"}}).values()[4] == Approx(5.395833333333333));
  CHECK(tiny_prepare("quarter_hourly.csv", {{"resample", "D"}, {"missing", "linear"}}).values()[4] == Approx(5.364583333333333));
  PreparedData dropped = tiny_prepare("quarter_hourly.csv", {{"resample", "D"}, {"missing", "none"}});
  CHECK(dropped.values().size() == 11);
  CHECK(dropped.values()[4] == Approx(5.333333333333));
}

TEST_CASE("resample W: Monday-to-Sunday weeks labelled by their Sunday, as pandas W-SUN") {
  Value agg = Value::Map{{"freq", "W"}, {"agg", "mean"}};
  PreparedData weekly = tiny_prepare("quarter_hourly.csv", {{"resample", agg}});
  REQUIRE(weekly.values().size() == 3);
  CHECK(format_iso8601(weekly.timestamps_ms()[0]) == "2013-01-06 00:00:00");
  CHECK(format_iso8601(weekly.timestamps_ms()[2]) == "2013-01-20 00:00:00");
  check_close(weekly.values(), {5.372605363985, 5.368055555556, 5.404761904762});
}

TEST_CASE("resample H: 276 hourly bins, a bin with holes averages what is there") {
  PreparedData hourly = tiny_prepare("quarter_hourly.csv", {{"resample", "H"}});
  CHECK(hourly.values().size() == 276);
  CHECK(format_iso8601(hourly.timestamps_ms().front()) == "2013-01-04 06:00:00");
  check_close(first_values(hourly, 6), {5.375, 5.875, 3.625, 6.875, 4.625, 5.125});
  CHECK(hourly.step_ms() == 3'600'000);
}

TEST_CASE("resample: timestamps spanning millennia are bad input, not billions of bins") {
  // Found by fuzz_trace: seconds where milliseconds were meant, 285,000 years at 5min would be 3e10
  // bins (240 GB). The limit is 100 steps per row read, or a million steps for small files.
  const test::ScratchFile trace("millennia.csv");
  std::ofstream(trace.path()) << "time,load\n0,1\n9000000000000000,2\n";
  const Value::Map block{{"path", trace.path().string()}, {"timestamp_unit", "ms"}, {"resample", "5min"},
                              {"scale", "none"}};
  CHECK_THROWS_WITH(prepare(DataSpec::from_value(block), {1, 1, 1}),
                    Catch::Contains("timestamps span 1.04167e+08 days, which resampled to 5min would be 3e+10 steps "
                                    "for 2 rows; check the timestamps and timestamp_unit"));
  CHECK_THROWS_AS(prepare(DataSpec::from_value(block), {1, 1, 1}), InputError);
  // Two rows a year apart at 5min are 105,121 steps: under the floor, so still allowed.
  std::ofstream(trace.path()) << "time,load\n0,1\n31536000000,2\n";
  CHECK(prepare(DataSpec::from_value(block), {1, 1, 1}).values().size() == 105121);
}
