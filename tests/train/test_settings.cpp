#include <catch2/catch.hpp>

#include "vmsweep/common/error.hpp"
#include "vmsweep/train/settings.hpp"

using vmsweep::InputError;
using vmsweep::SourceMark;
using vmsweep::Value;
using vmsweep::train::settings_from_params;

namespace {
Value marked(Value value, int line) { return std::move(value).with_mark(SourceMark{"sweep.yaml", line, 5}); }

std::string error_of(const Value& params) {
  try {
    settings_from_params(params);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("settings default to the notebook's setup", "[train][settings]") {
  auto settings = settings_from_params(Value::Map{});
  CHECK(settings.look_back == 14);
  CHECK(settings.model.hidden == std::vector<int>{256, 128, 64});
  CHECK(settings.model.dropout == 0.2);
  CHECK(settings.batch_size == 32);
  CHECK(settings.learning_rate == 0.001);
  CHECK(settings.epochs == 100);
  CHECK(settings.patience == 10);
  CHECK(settings.schedule.kind == vmsweep::train::ScheduleKind::exponential);
  CHECK(settings.schedule.decay_start == 50);
  CHECK(settings.model.epsilon == 1e-7);
  CHECK(settings.params.find("lr_schedule")->as_string() == "exponential");
  CHECK(settings.data_block.as_map().empty());
}

TEST_CASE("settings take given values and route data fields to the data block", "[train][settings]") {
  Value params;
  params.set("layers", Value::List{64, 32});
  params.set("learning_rate", 0.01);
  params.set("epochs", 5.0);  // a whole real is an integer
  params.set("path", "trace.txt");
  params.set("resample", "D");
  auto settings = settings_from_params(params);
  CHECK(settings.model.hidden == std::vector<int>{64, 32});
  CHECK(settings.learning_rate == 0.01);
  CHECK(settings.epochs == 5);
  REQUIRE(settings.data_block.as_map().size() == 2);
  CHECK(settings.data_block.find("path")->as_string() == "trace.txt");
  CHECK(settings.params.find("resample")->as_string() == "D");
  CHECK(settings.params.find("stride") == nullptr);  // data defaults stay with the data module
}

TEST_CASE("settings accept a single hidden size as one layer", "[train][settings]") {
  Value params;
  params.set("layers", 48);
  CHECK(settings_from_params(params).model.hidden == std::vector<int>{48});
}

TEST_CASE("an unknown key is an error with a suggestion and the source mark", "[train][settings]") {
  Value params;
  params.set("dropuot", marked(0.3, 7));
  std::string message = error_of(params);
  CHECK(message.find("sweep.yaml:7:5") != std::string::npos);
  CHECK(message.find("unknown parameter 'dropuot'") != std::string::npos);
  CHECK(message.find("did you mean 'dropout'") != std::string::npos);
  params = Value::Map{};
  params.set("zzzzzzzzzzzz", 1);
  CHECK(error_of(params).find("did you mean") == std::string::npos);
}

TEST_CASE("values are checked against the knob table", "[train][settings]") {
  Value params;
  params.set("dropout", marked(1.5, 3));
  CHECK(error_of(params) == "sweep.yaml:3:5: key 'dropout': expected a number in [0, 0.95], got 1.5");

  params = Value::Map{};
  params.set("optimizer", marked("adamx", 4));
  CHECK(error_of(params) == "sweep.yaml:4:5: key 'optimizer': expected one of adam sgd adamw, got 'adamx' (did you mean 'adam'?)");

  params = Value::Map{};
  params.set("batch_size", marked("big", 5));
  CHECK(error_of(params) == "sweep.yaml:5:5: key 'batch_size': expected an integer, got a string (big)");

  params = Value::Map{};
  params.set("layers", marked(Value::List{64, marked(0, 6)}, 6));
  CHECK(error_of(params) == "sweep.yaml:6:5: key 'layers': expected an integer in [1, 100000], got 0");

  params = Value::Map{};
  params.set("learning_rate", std::nan(""));
  CHECK(error_of(params) == "key 'learning_rate': expected a number in [1e-12, 10], got .nan");

  CHECK_THROWS_AS(settings_from_params(Value("not a map")), InputError);
}

TEST_CASE("a free-text data field takes a bare number, as in a sweep file", "[train][settings]") {
  Value params;
  params.set("season", 24);  // `--set season=24` or a sweep file's `season: 24`
  auto settings = settings_from_params(params);
  CHECK(settings.data_block.find("season")->as_int() == 24);
}

TEST_CASE("the declared defaults are the model library's own defaults", "[train][settings]") {
  // ModelConfig keeps defaults of its own for code that builds a model directly; a trial takes the
  // declarations' (src/train/parameters.cpp). The two must not drift apart.
  vmsweep::model::ModelConfig declared = settings_from_params(Value::Map{}).model;
  const vmsweep::model::ModelConfig library;
  declared.input_channels = library.input_channels;  // filled from the data and the trainer's
  declared.horizon = library.horizon;                //   fields when a model is built
  declared.time_steps = library.time_steps;
  declared.batch = library.batch;
  declared.seed = library.seed;
  CHECK(declared == library);
}

TEST_CASE("weight_decay and adamw reach the model's configuration", "[train][settings]") {
  Value params;
  params.set("optimizer", "adamw");
  params.set("weight_decay", 0.01);
  const auto settings = settings_from_params(params);
  CHECK(settings.model.optimizer == vmsweep::model::OptimizerKind::adamw);
  CHECK(settings.model.weight_decay == 0.01);
  CHECK(settings_from_params(Value::Map{}).model.weight_decay == 0.0);
  params.set("weight_decay", marked(2.0, 9));
  CHECK(error_of(params) == "sweep.yaml:9:5: key 'weight_decay': expected a number in [0, 1], got 2.0");
}
