// Every supported delimiter and timestamp form, on small fixtures worked out by hand.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "vmsweep/data/timestamps.hpp"

using namespace vmsweep;
using namespace vmsweep::data;
using vmsweep::test::tiny_prepare;

namespace {
constexpr std::int64_t kJan1 = 1356998400000;  // 2013-01-01 00:00:00 UTC in ms
}

TEST_CASE("comma-separated, Unix epoch seconds, value column named with spaces and brackets") {
  PreparedData data = tiny_prepare("comma_epoch_seconds.csv", {{"value", "cpu usage [%]"}});
  CHECK(data.report().delimiter == ',');
  CHECK(data.report().timestamp_form == "Unix epoch seconds");
  CHECK(data.timestamps_ms() == std::vector<std::int64_t>{kJan1, kJan1 + 3'600'000, kJan1 + 7'200'000});
  CHECK(data.values() == std::vector<double>{1.5, 2.5, 3.5});
}

TEST_CASE("semicolon followed by a tab, epoch milliseconds, column chosen by 1-based index") {
  PreparedData data = tiny_prepare("semicolon_tab_epoch_ms.csv", {{"value", 3}});
  CHECK(data.report().delimiter == ';');
  CHECK(data.report().value_column == "Memory [KB]");
  CHECK(data.report().timestamp_form == "Unix epoch milliseconds");
  CHECK(data.report().interval_ms == 300'000);
  CHECK(data.values() == std::vector<double>{5, 6, 7});
}

TEST_CASE("a column name matches ignoring case") {
  PreparedData data = tiny_prepare("semicolon_tab_epoch_ms.csv", {{"value", "cpu usage [mhz]"}});
  CHECK(data.values() == std::vector<double>{10, 20, 30});
}

TEST_CASE("ISO 8601 with T, fractional seconds, Z and a +01:00 offset, rows sorted by time") {
  PreparedData data = tiny_prepare("iso_t_fraction_zone.tsv", {{"missing", "none"}});
  CHECK(data.report().timestamp_form == "ISO 8601");
  CHECK_FALSE(data.report().was_sorted);
  CHECK(data.timestamps_ms() == std::vector<std::int64_t>{kJan1, kJan1 + 1'800'500, kJan1 + 3'600'000, kJan1 + 5'400'000});
  CHECK(data.values() == std::vector<double>{1, 2, 3, 4});
}

TEST_CASE("relative seconds from 0") {
  PreparedData data = tiny_prepare("relative_seconds.csv");
  CHECK(data.report().timestamp_form == "seconds (relative or early epoch)");
  CHECK(data.timestamps_ms() == std::vector<std::int64_t>{0, 60'000, 120'000, 180'000});
  CHECK(data.report().interval_ms == 60'000);
}

TEST_CASE("timestamp_unit given: the same numbers read as milliseconds") {
  PreparedData data = tiny_prepare("relative_seconds.csv", {{"timestamp_unit", "ms"}});
  CHECK(data.timestamps_ms() == std::vector<std::int64_t>{0, 60, 120, 180});
}

TEST_CASE("no timestamp column: rows are spaced by the given interval, blank lines are skipped") {
  PreparedData data = tiny_prepare("values_only.txt", {{"timestamp", "none"}, {"value", 1}, {"interval", "5min"}});
  CHECK(data.timestamps_ms() == std::vector<std::int64_t>{0, 300'000, 600'000, 900'000});
  CHECK(data.values() == std::vector<double>{1, 2, 3, 4});
  CHECK(data.report().timestamp_column == "none");
}

TEST_CASE("quoted header names and fields, semicolon-separated") {
  PreparedData data = tiny_prepare("quoted.csv", {{"value", "CPU usage [MHZ]"}, {"timestamp", "Timestamp"}});
  CHECK(data.values() == std::vector<double>{1.5, 2.5, 3.5});
  
}

TEST_CASE("the delimiter can be given, overriding detection") {
  PreparedData data = tiny_prepare("comma_epoch_seconds.csv", {{"delimiter", "comma"}});
  CHECK(data.values() == std::vector<double>{1.5, 2.5, 3.5});
}

TEST_CASE("ISO 8601 parsing and formatting round-trip, leap days included") {
  std::int64_t ms = 0;
  const std::string text = "2012-02-29 23:59:59.999";
  REQUIRE(parse_iso8601(text.data(), text.data() + text.size(), ms));
  CHECK(format_iso8601(ms) == text);
  const std::string not_leap = "2013-02-29";
  CHECK_FALSE(parse_iso8601(not_leap.data(), not_leap.data() + not_leap.size(), ms));
  const std::string date_only = "1969-12-31";
  REQUIRE(parse_iso8601(date_only.data(), date_only.data() + date_only.size(), ms));
  CHECK(ms == -86'400'000);
  CHECK(format_iso8601(ms) == "1969-12-31 00:00:00");
}

TEST_CASE("Windows line endings and a blank CRLF line") {
  PreparedData data = tiny_prepare("crlf.csv", {{"value", "load"}});
  CHECK(data.values() == std::vector<double>{1, 2, 3});
  CHECK(data.report().rows == 3);
}
