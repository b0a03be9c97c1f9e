// Parsing the data block: fields, forms, defaults, and the messages for what is wrong.
#include <catch2/catch.hpp>

#include "vmsweep/common/error.hpp"
#include "vmsweep/data/data_spec.hpp"
#include "vmsweep/data/parameters.hpp"

using namespace vmsweep;
using namespace vmsweep::data;

namespace {

DataSpec parse(Value::Map fields) {
  Value block = Value::Map{{"path", "trace.txt"}};
  for (auto& [key, value] : fields) block.set(key, value);
  return DataSpec::from_value(block, "/sweeps");
}

Value marked(Value value) { return std::move(value).with_mark(SourceMark{"sweep.yaml", 7, 12}); }

}  // namespace

TEST_CASE("data block: defaults, and a relative path resolved against the sweep file's folder") {
  DataSpec spec = parse({});
  CHECK(spec.path == "/sweeps/trace.txt");
  CHECK(spec.delimiter == 0);
  CHECK(spec.timestamp.index == 1);
  CHECK(spec.value.automatic);
  CHECK(spec.missing == FillMethod::ffill);
  CHECK_FALSE(spec.resample.enabled());
  CHECK(spec.split.mode == SplitSpec::Mode::fractions);
  CHECK(spec.split.train == 0.7);
  CHECK(spec.scale == ScaleKind::minmax);
  CHECK(spec.scale_fit == ScaleFit::train);
  CHECK(DataSpec::from_value(Value::Map{{"path", "/abs/t.txt"}}, "/sweeps").path == "/abs/t.txt");
}

TEST_CASE("data block: every field in its written form") {
  DataSpec spec = parse({{"delimiter", "semicolon"}, {"timestamp", "Timestamp [ms]"}, {"value", 3},
                         {"timestamp_unit", "ms"}, {"interval", "5min"}, {"missing", "linear"},
                         {"invalid_below", 0}, {"resample", Value::Map{{"freq", "15min"}, {"agg", "max"}}},
                         {"split", Value::Map{{"val", 54}, {"test", 96}}}, {"scale", "zscore"},
                         {"scale_fit", "all"}, {"stride", 2}, {"season", "W"}});
  CHECK(spec.delimiter == ';');
  CHECK(spec.timestamp.name == "Timestamp [ms]");
  CHECK(spec.value.index == 3);
  CHECK(spec.timestamp_unit == TimestampUnit::milliseconds);
  CHECK(spec.interval_ms == 300'000);
  CHECK(spec.missing == FillMethod::linear);
  CHECK(*spec.invalid_below == 0);
  CHECK(spec.resample.period_ms == 900'000);
  CHECK(spec.resample.agg == Aggregation::max);
  CHECK(spec.split.mode == SplitSpec::Mode::counts);
  CHECK(spec.split.train < 0);
  CHECK(spec.split.val == 54);
  CHECK(spec.split.test == 96);
  CHECK(spec.scale == ScaleKind::zscore);
  CHECK(spec.stride == 2);
  CHECK(spec.season.period_ms == 7 * 86'400'000LL);
  CHECK(parse({{"season", 24}}).season.steps == 24);
}

TEST_CASE("data block: every field the parser knows is in the knob table, and back") {
  for (const Knob& knob : data_knobs()) {
    INFO(knob.name);
    CHECK(knob.data_field);
  }
  CHECK_THROWS_WITH(parse({{"resampel", "D"}}), Catch::Contains("unknown field 'resampel'") && Catch::Contains("resample"));
}

TEST_CASE("data block: bad values name the key and the source mark") {
  CHECK_THROWS_WITH(parse({{"missing", marked("backfill")}}),
                    Catch::StartsWith("sweep.yaml:7:12: key 'missing': expected one of ffill linear none, got 'backfill'"));
  CHECK_THROWS_WITH(parse({{"resample", marked("2X")}}), Catch::StartsWith("sweep.yaml:7:12") && Catch::Contains("not a frequency"));
  CHECK_THROWS_WITH(parse({{"resample", marked("D:median")}}), Catch::Contains("aggregation 'median'"));
  CHECK_THROWS_WITH(parse({{"value", marked(0)}}), Catch::Contains("1-based"));
  CHECK_THROWS_WITH(parse({{"stride", marked(0)}}), Catch::Contains("stride"));
  CHECK_THROWS_AS(DataSpec::from_value(Value::Map{{"resample", "D"}}), InputError);
  CHECK_THROWS_WITH(parse({{"timestamp", "none"}}), Catch::Contains("'interval' is required"));
}

TEST_CASE("data block: splits whose fractions do not sum to 1 or leave a part empty") {
  CHECK_THROWS_WITH(parse({{"split", marked(Value::Map{{"train", 0.8}, {"val", 0.3}, {"test", 0.2}})}}),
                    Catch::StartsWith("sweep.yaml:7:12") && Catch::Contains("must sum to 1"));
  CHECK_THROWS_WITH(parse({{"split", Value::Map{{"train", 0.8}, {"test", 0.2}}}}), Catch::Contains("'val' and 'test' are required"));
  CHECK_THROWS_WITH(parse({{"split", Value::Map{{"train", 0.8}, {"val", 0.0}, {"test", 0.2}}}}), Catch::Contains("between 0 and 1"));
  CHECK_THROWS_WITH(parse({{"split", Value::Map{{"val", 0.5}, {"test", 0.5}}}}), Catch::Contains("no windows for training"));
  CHECK_THROWS_WITH(parse({{"split", Value::Map{{"val", "train"}, {"test", 0.2}}}}), Catch::Contains("'test'"));
  DataSpec notebook = parse({{"split", Value::Map{{"train", 0.8}, {"val", "test"}, {"test", 0.2}}}});
  CHECK(notebook.split.val_is_test);
}

TEST_CASE("periods read and print the pandas way") {
  CHECK(parse_period("5min") == 300'000);
  CHECK(parse_period("15T") == 900'000);
  CHECK(parse_period("H") == 3'600'000);
  CHECK(parse_period("2h") == 7'200'000);
  CHECK(parse_period("D") == 86'400'000);
  CHECK(parse_period("W") == 604'800'000);
  CHECK(parse_period("30s") == 30'000);
  CHECK_THROWS_AS(parse_period("0H"), InputError);
  CHECK_THROWS_AS(parse_period(""), InputError);
  CHECK(format_period(86'400'000) == "1D");
  CHECK(format_period(900'000) == "15min");
  CHECK(format_period(5'400'000) == "90min");
}
