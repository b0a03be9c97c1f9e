#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/knob_check.hpp"

using vmsweep::check_knob_value;
using vmsweep::InputError;
using vmsweep::Knob;
using vmsweep::SourceMark;
using vmsweep::Value;
using vmsweep::WholeReals;
using T = Knob::Type;

namespace {

const Knob kEpochs{"epochs", T::integer, "100", "", {}, 1, 1e6};
const Knob kDropout{"dropout", T::real, "0.2", "", {}, 0, 0.95};
const Knob kOptimizer{"optimizer", T::string, "adam", "", {"adam", "sgd"}};
const Knob kSeason{"season", T::string, "", "", {}};
const Knob kRestore{"restore_best", T::boolean, "true", "", {}};
const Knob kLayers{"layers", T::int_list, "[256, 128, 64]", "", {}, 1, 1e5};
const Knob kResample{"resample", T::any, "", "", {}};

Value at_line(Value value, int line) { return std::move(value).with_mark(SourceMark{"sweep.yaml", line, 7}); }

// The message of the check's InputError, or "accepted".
std::string verdict(const Knob& knob, const Value& value, WholeReals whole_reals = WholeReals::refused) {
  try {
    check_knob_value(knob, value, knob.name, whole_reals);
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("knob check: a message names the place, the key, what was expected and what was found", "[common]") {
  CHECK(verdict(kEpochs, at_line(0, 3)) == "sweep.yaml:3:7: key 'epochs': expected an integer in [1, 1000000], got 0");
  CHECK(verdict(kEpochs, at_line("many", 4)) == "sweep.yaml:4:7: key 'epochs': expected an integer, got a string (many)");
  CHECK(verdict(kDropout, at_line(1.5, 5)) == "sweep.yaml:5:7: key 'dropout': expected a number in [0, 0.95], got 1.5");
  CHECK(verdict(kRestore, at_line("maybe", 6)) == "sweep.yaml:6:7: key 'restore_best': expected true or false, got a string (maybe)");
}

TEST_CASE("knob check: the key is the caller's, e.g. a sweep-file path", "[common]") {
  try {
    check_knob_value(kDropout, at_line(Value(), 2), "data.dropout", WholeReals::refused);
    FAIL("null accepted");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) == "sweep.yaml:2:7: key 'data.dropout': expected a number, got null");
  }
}

TEST_CASE("knob check: numbers in range, NaN out of every range", "[common]") {
  CHECK(verdict(kEpochs, 1) == "accepted");
  CHECK(verdict(kEpochs, 1000000) == "accepted");
  CHECK(verdict(kEpochs, 1000001) == "key 'epochs': expected an integer in [1, 1000000], got 1000001");
  CHECK(verdict(kDropout, 0) == "accepted");  // an integer is a number
  CHECK(verdict(kDropout, 0.95) == "accepted");
  CHECK(verdict(kDropout, std::nan("")) == "key 'dropout': expected a number in [0, 0.95], got .nan");
}

TEST_CASE("knob check: a whole real is an integer only where the caller accepts it", "[common]") {
  CHECK(verdict(kEpochs, 5.0) == "key 'epochs': expected an integer, got a number (5.0)");
  CHECK(verdict(kEpochs, 5.0, WholeReals::accepted) == "accepted");
  CHECK(verdict(kEpochs, 5.5, WholeReals::accepted) == "key 'epochs': expected an integer, got a number (5.5)");
  CHECK(verdict(kEpochs, 0.0, WholeReals::accepted) == "key 'epochs': expected an integer in [1, 1000000], got 0.0");
  CHECK(verdict(kLayers, Value::List{64, 32.0}, WholeReals::accepted) == "accepted");
  CHECK(verdict(kLayers, Value::List{64, 32.0}) == "key 'layers': expected an integer, got a number (32.0)");
}

TEST_CASE("knob check: choices, with a did-you-mean for a misspelling", "[common]") {
  CHECK(verdict(kOptimizer, "sgd") == "accepted");
  CHECK(verdict(kOptimizer, "adamw") == "key 'optimizer': expected one of adam sgd, got 'adamw' (did you mean 'adam'?)");
  CHECK(verdict(kOptimizer, "rmsprop") == "key 'optimizer': expected one of adam sgd, got 'rmsprop'");
  CHECK(verdict(kOptimizer, 3) == "key 'optimizer': expected one of adam sgd, got an integer (3)");
}

TEST_CASE("knob check: free text takes any string or a bare number, its owner parses it", "[common]") {
  CHECK(verdict(kSeason, "W") == "accepted");
  CHECK(verdict(kSeason, 24) == "accepted");
  CHECK(verdict(kSeason, Value::List{24}) == "key 'season': expected a string, got a list ([24])");
  CHECK(verdict(kResample, Value::List{}) == "accepted");  // Type::any: checked by its owner
}

TEST_CASE("knob check: an integer list, or one integer written bare", "[common]") {
  CHECK(verdict(kLayers, Value::List{256, 128, 64}) == "accepted");
  CHECK(verdict(kLayers, 48) == "accepted");
  CHECK(verdict(kLayers, 0) == "key 'layers': expected an integer in [1, 100000], got 0");
  CHECK(verdict(kLayers, Value::List{64, -8}) == "key 'layers': expected an integer in [1, 100000], got -8");
  CHECK(verdict(kLayers, Value::List{}) ==
        "key 'layers': expected a non-empty list of integers such as [128, 64], got a list ([])");
  CHECK(verdict(kLayers, "big") ==
        "key 'layers': expected a non-empty list of integers such as [128, 64], got a string (big)");
}

TEST_CASE("knob range text keeps every digit of a bound", "[common]") {
  CHECK(vmsweep::knob_range_text(kEpochs) == "[1, 1000000]");
  CHECK(vmsweep::knob_range_text(kDropout) == "[0, 0.95]");
  CHECK(vmsweep::knob_range_text(kSeason) == "[-inf, inf]");
  CHECK(vmsweep::knob_is_numeric(kDropout));
  CHECK_FALSE(vmsweep::knob_is_numeric(kLayers));
}
