// Sorting, duplicates, gaps, filling and invalid values, on a six-row file worked out by hand:
// 00:00 1 | 01:00 2 then 20 (duplicate, the last kept) | 02:00 3 | 03:00 4 | gap | 06:00 7
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace vmsweep;
using namespace vmsweep::data;
using vmsweep::test::tiny_prepare;

TEST_CASE("cleaning: sorted, the last of duplicate timestamps kept, the gap found and counted") {
  PreparedData data = tiny_prepare("unsorted_duplicates_gaps.csv");
  const TraceReport& report = data.report();
  CHECK(report.rows == 6);
  CHECK_FALSE(report.was_sorted);
  CHECK(report.duplicates == 1);
  CHECK(report.interval_ms == 3'600'000);
  CHECK(report.gaps == 1);
  CHECK(report.missing_steps == 2);
  CHECK(report.min == 1);
  CHECK(report.max == 20);
  CHECK(report.mean == Approx((1 + 20 + 3 + 4 + 7) / 5.0));
}

TEST_CASE("cleaning: missing steps forward-filled") {
  PreparedData data = tiny_prepare("unsorted_duplicates_gaps.csv", {{"missing", "ffill"}});
  CHECK(data.values() == std::vector<double>{1, 20, 3, 4, 4, 4, 7});
  CHECK(data.timestamps_ms().back() - data.timestamps_ms().front() == 6 * 3'600'000);
  CHECK(data.report().filled == 2);
}

TEST_CASE("cleaning: missing steps interpolated linearly") {
  PreparedData data = tiny_prepare("unsorted_duplicates_gaps.csv", {{"missing", "linear"}});
  CHECK(data.values() == std::vector<double>{1, 20, 3, 4, 5, 6, 7});
}

TEST_CASE("cleaning: missing: none keeps the gap and inserts nothing") {
  PreparedData data = tiny_prepare("unsorted_duplicates_gaps.csv", {{"missing", "none"}});
  CHECK(data.values() == std::vector<double>{1, 20, 3, 4, 7});
  CHECK(data.report().dropped == 0);
}

TEST_CASE("cleaning: values below invalid_below become missing, a leading missing value takes the first valid one") {
  PreparedData data = tiny_prepare("unsorted_duplicates_gaps.csv", {{"invalid_below", 2.5}});
  CHECK(data.report().invalid == 1);
  CHECK(data.values() == std::vector<double>{20, 20, 3, 4, 4, 4, 7});
  PreparedData dropped = tiny_prepare("unsorted_duplicates_gaps.csv", {{"invalid_below", 2.5}, {"missing", "none"}});
  CHECK(dropped.values() == std::vector<double>{20, 3, 4, 7});
  CHECK(dropped.report().dropped == 1);
}

TEST_CASE("cleaning: a given interval overrides detection") {
  PreparedData data = tiny_prepare("unsorted_duplicates_gaps.csv", {{"interval", "30min"}, {"missing", "linear"}});
  CHECK_FALSE(data.report().interval_detected);
  CHECK(data.report().gaps == 4);
  CHECK(data.report().missing_steps == 8);
  CHECK(data.values().size() == 13);
  CHECK(data.values()[1] == Approx(10.5));
}

TEST_CASE("aa.txt's negative outage markers are counted even without invalid_below") {
  const DataSpec spec = DataSpec::from_value(Value::Map{{"path", VMSWEEP_AA_TXT}});
  PreparedData data = prepare(spec, {});
  CHECK(data.report().negative == 14);
  CHECK(data.report().invalid == 0);
  CHECK(data.report().min == -1);
}
