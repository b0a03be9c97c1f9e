#include <catch2/catch.hpp>

#include <filesystem>

#include "sha256.hpp"
#include "sweep_fixtures.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/parameters.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/sweep/yaml_value.hpp"

namespace fs = std::filesystem;
using vmsweep::InputError;
using vmsweep::Value;
using namespace vmsweep::sweep;

TEST_CASE("The issue's grid file parses with every field", "[sweep]") {
  const fs::path file = fs::path(VMSWEEP_SOURCE_DIR) / "sweeps/grid.yaml";
  INFO("data/aa.txt is missing: run scripts/fetch-data.sh");
  REQUIRE(fs::exists(VMSWEEP_AA_TXT));
  const SweepSpec spec = SweepSpec::load(file, vmsweep::train::all_knobs());
  CHECK(spec.name == "grid");
  CHECK(spec.seed == 42);
  CHECK(spec.method == Method::grid);
  CHECK(spec.metric.name == "val_mse");
  CHECK_FALSE(spec.metric.maximize);
  CHECK(spec.run_cap == 64);
  CHECK(spec.repeats == 1);
  REQUIRE(spec.parameters.size() == 7);
  CHECK(spec.parameters[1].values[0] == Value(Value::List{256, 128, 64}));
  REQUIRE(spec.early_terminate);
  CHECK(spec.early_terminate->min_iter == 5);
  CHECK(spec.early_terminate->eta == 3);
  CHECK(fs::equivalent(spec.data.find("path")->as_string(), VMSWEEP_AA_TXT));
  CHECK(spec.data.find("resample")->to_string() == "{freq: D, agg: mean}");
  CHECK(spec.hash == sha256_hex(spec.text));
  CHECK(trial_count(spec) == 54);
}

TEST_CASE("Values come back from a trial exactly as written, with their lines", "[sweep]") {
  const SweepSpec spec = sweep_test::parse(R"(name: roundtrip
data: {path: trace.txt, scale: zscore, split: {train: 0.6, val: 0.2, test: 0.2}}
method: grid
parameters:
  layers: {value: [128, 64]}
  dropout: {value: 0.0}
  learning_rate: {value: 3.0e-4}
  lr_schedule: {value: cosine}
  restore_best: {value: false}
  scale: {value: none}
)");
  const TrialSpec trial = trial_list(spec).at(0);
  const Value& params = trial.params;
  CHECK(params.find("layers")->to_string() == "[128, 64]");
  CHECK(params.find("dropout")->kind() == Value::Kind::real);
  CHECK(params.find("learning_rate")->as_double() == 3.0e-4);
  CHECK(params.find("lr_schedule")->as_string() == "cosine");
  CHECK(params.find("restore_best")->as_bool() == false);
  CHECK(params.find("scale")->as_string() == "none");  // the swept field wins over the data block
  CHECK(params.find("split")->to_string() == "{train: 0.6, val: 0.2, test: 0.2}");
  CHECK(params.find("seed")->as_int() == trial.seed);
  CHECK(fs::path(params.find("path")->as_string()).is_absolute());
  CHECK(params.find("learning_rate")->mark().to_string() == "inline.yaml:7:19");
  CHECK(params.find("split")->find("val")->mark().to_string() == "inline.yaml:2:60");
}

TEST_CASE("A bare number for a free-text data field passes the sweep file and the trainer alike", "[sweep]") {
  const SweepSpec spec = sweep_test::parse(R"(data: {path: trace.txt, season: 24}
method: grid
parameters:
  season: {values: [168, W]}
)");
  for (const TrialSpec& trial : trial_list(spec)) {
    const auto settings = vmsweep::train::settings_from_params(trial.params);
    CHECK(*settings.data_block.find("season") == *trial.params.find("season"));
  }
  CHECK(vmsweep::train::settings_from_params(spec.data).data_block.find("season")->as_int() == 24);
}

TEST_CASE("W&B's inference rules pick the distribution", "[sweep]") {
  const SweepSpec spec = sweep_test::parse(R"(data: {path: trace.txt}
method: random
run_cap: 5
parameters:
  look_back: {min: 7, max: 28}
  dropout: {min: 0.0, max: 0.5}
  learning_rate: {distribution: log_uniform_values, min: 1.0e-4, max: 1.0e-2}
  min_delta: {mu: 0.01, sigma: 0.001}
  batch_size: {distribution: q_log_uniform_values, min: 8, max: 256, q: 8}
  optimizer: {values: [adam, sgd], probabilities: [0.75, 0.25]}
  epochs: {value: 20}
)");
  CHECK(spec.name == "inline");  // the file's stem when no name is given
  CHECK(spec.find_parameter("look_back")->distribution == Distribution::int_uniform);
  CHECK(spec.find_parameter("dropout")->distribution == Distribution::uniform);
  CHECK(spec.find_parameter("learning_rate")->distribution == Distribution::log_uniform_values);
  CHECK(spec.find_parameter("min_delta")->distribution == Distribution::normal);
  CHECK(spec.find_parameter("batch_size")->integer);
  CHECK(spec.find_parameter("optimizer")->probabilities == std::vector<double>{0.75, 0.25});
  CHECK(spec.find_parameter("epochs")->distribution == Distribution::constant);
}

TEST_CASE("Real W&B sweep files validate unchanged", "[sweep]") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(sweep_test::kGoodDir)) {
    if (entry.path().extension() != ".yaml") continue;
    INFO(entry.path().filename().string());
    const SweepSpec spec = SweepSpec::load(entry.path(), vmsweep::train::all_knobs());
    CHECK(trial_count(spec) > 0);
    ++files;
  }
  CHECK(files >= 4);
}

TEST_CASE("W&B's agent-only keys are accepted with a warning", "[sweep]") {
  const SweepSpec spec = sweep_test::parse(R"(program: train.py
command: [python, train.py]
data: {path: trace.txt}
method: bayes
parameters:
  dropout: {min: 0.0, max: 0.5}
)");
  REQUIRE(spec.warnings.size() == 3);
  CHECK(spec.warnings[0] == "inline.yaml:1:1: key 'program': used by W&B's agent or server only; ignored");
  CHECK(spec.warnings[2] == "inline.yaml:1:1: key 'run_cap': missing; method bayes stops after 100 trials");
  CHECK(spec.run_cap == 100);
}

TEST_CASE("YAML scalars resolve by the core schema and keep their positions", "[sweep]") {
  const Value root = parse_yaml("a: 1e-4\nb: '3'\nc: 3\nd: [true, ~, x]\n", "f.yaml");
  CHECK(root.find("a")->kind() == Value::Kind::real);
  CHECK(root.find("a")->as_double() == 1e-4);
  CHECK(root.find("b")->as_string() == "3");
  CHECK(root.find("c")->as_int() == 3);
  CHECK(root.find("d")->as_list()[0].as_bool());
  CHECK(root.find("d")->as_list()[1].is_null());
  CHECK(root.find("d")->as_list()[2].mark().to_string() == "f.yaml:4:14");
  CHECK_THROWS_WITH(parse_yaml("a: 1\na: 2\n", "f.yaml"), "f.yaml:2:1: key 'a': given twice in the same mapping");
}

TEST_CASE("SHA-256 matches the FIPS 180-4 examples", "[sweep]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
