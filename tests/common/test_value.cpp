#include <catch2/catch.hpp>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/value.hpp"

using vmsweep::InputError;
using vmsweep::SourceMark;
using vmsweep::Value;

TEST_CASE("Value prints flow text and JSON", "[common]") {
  Value layers = Value::List{256, 128, 64};
  Value block;
  block.set("freq", "D");
  block.set("agg", "mean");
  CHECK(layers.to_string() == "[256, 128, 64]");
  CHECK(block.to_string() == "{freq: D, agg: mean}");
  CHECK(block.to_json() == R"({"freq": "D", "agg": "mean"})");
  CHECK(Value(0.001).to_string() == "0.001");
  CHECK(Value(1.0).to_string() == "1.0");
  CHECK(Value(50.0).to_string() == "50.0");  // not 5e+01
  CHECK(Value(10.0).to_string() == "10.0");
  CHECK(Value(-1200.0).to_string() == "-1200.0");
  CHECK(Value(123456789012345.0).to_string() == "123456789012345.0");
  CHECK(Value(1e20).to_string() == "1e+20");
  CHECK(Value(1e-5).to_string() == "1e-05");
  CHECK(Value(0.1 + 0.2).to_string() == "0.30000000000000004");
  CHECK(Value(Value::List{"", "H"}).to_string() == R"(["", H])");  // an empty string stays visible
}

TEST_CASE("Value set keeps the position of an existing key", "[common]") {
  Value map;
  map.set("a", 1);
  map.set("b", 2);
  map.set("a", 3);
  REQUIRE(map.as_map().size() == 2);
  CHECK(map.as_map()[0].first == "a");
  CHECK(map.find("a")->as_int() == 3);
  CHECK(map.find("c") == nullptr);
}

TEST_CASE("Value numbers compare by value and convert where exact", "[common]") {
  CHECK(Value(3) == Value(3.0));
  CHECK_FALSE(Value(3) == Value("3"));
  CHECK(Value(14.0).as_int() == 14);
  CHECK(Value(7).as_double() == 7.0);
  CHECK_THROWS_AS(Value(14.5).as_int(), InputError);
}

TEST_CASE("Type errors name the setting and where it came from", "[common]") {
  Value v = Value("abc").with_mark(SourceMark{"sweep.yaml", 12, 5});
  try {
    (void)v.as_int("look_back");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "sweep.yaml:12:5: look_back: expected an integer, got a string (abc)");
  }
}

TEST_CASE("Value describes its kind and text for error messages", "[common]") {
  CHECK(Value("big").description() == "a string (big)");
  CHECK(Value(3).description() == "an integer (3)");
  CHECK(Value().description() == "null");
  CHECK(Value(14.0).holds_integer());
  CHECK_FALSE(Value(14.5).holds_integer());
  CHECK_FALSE(Value("14").holds_integer());
  CHECK_FALSE(Value(1e300).holds_integer());
}
