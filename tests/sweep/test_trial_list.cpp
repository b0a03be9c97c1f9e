#include <catch2/catch.hpp>

#include <set>

#include "sweep_fixtures.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/sweep/sampler.hpp"

using vmsweep::Value;
using namespace vmsweep::sweep;

namespace {

const char* const kGrid = R"(name: g
seed: 42
data: {path: trace.txt}
method: grid
parameters:
  look_back: {values: [7, 14]}
  layers: {values: [[64], [128, 64]]}
  dropout: {value: 0.2}
  optimizer: {values: [adam, sgd]}
)";

std::string config_text(const TrialSpec& trial) {
  Value config = trial.params;
  for (const char* hidden : {"path", "seed"}) config.as_map().erase(
      std::ranges::find_if(config.as_map(), [&](const auto& entry) { return entry.first == hidden; }));
  return config.to_string();
}

}  // namespace

TEST_CASE("Grid trials: the cartesian product with the last parameter fastest", "[sweep]") {
  const std::vector<TrialSpec> trials = trial_list(sweep_test::parse(kGrid));
  const std::vector<std::string> expected{
      "{look_back: 7, layers: [64], dropout: 0.2, optimizer: adam}",
      "{look_back: 7, layers: [64], dropout: 0.2, optimizer: sgd}",
      "{look_back: 7, layers: [128, 64], dropout: 0.2, optimizer: adam}",
      "{look_back: 7, layers: [128, 64], dropout: 0.2, optimizer: sgd}",
      "{look_back: 14, layers: [64], dropout: 0.2, optimizer: adam}",
      "{look_back: 14, layers: [64], dropout: 0.2, optimizer: sgd}",
      "{look_back: 14, layers: [128, 64], dropout: 0.2, optimizer: adam}",
      "{look_back: 14, layers: [128, 64], dropout: 0.2, optimizer: sgd}",
  };
  REQUIRE(trials.size() == expected.size());
  for (std::size_t i = 0; i < trials.size(); ++i) {
    CHECK(config_text(trials[i]) == expected[i]);
    CHECK(trials[i].id == static_cast<std::int64_t>(i));
    CHECK(trials[i].config_id == static_cast<std::int64_t>(i));
    CHECK(trials[i].seed == 3901368820724453);  // one repeat: every configuration shares repeat 0's seed
  }
}

TEST_CASE("Random trials are a pure function of the file and its seed", "[sweep]") {
  const std::string text = R"(name: r
seed: 7
data: {path: trace.txt}
method: random
run_cap: 4
parameters:
  look_back: {min: 7, max: 28}
  learning_rate: {distribution: log_uniform_values, min: 1.0e-4, max: 1.0e-2}
  layers: {values: [[64], [128, 64]]}
)";
  const std::vector<TrialSpec> trials = trial_list(sweep_test::parse(text));
  const std::vector<std::string> expected{
      "{look_back: 22, learning_rate: 0.006170087395513627, layers: [64]}",
      "{look_back: 14, learning_rate: 0.0014777743872969467, layers: [64]}",
      "{look_back: 14, learning_rate: 0.0011071125621362323, layers: [64]}",
      "{look_back: 26, learning_rate: 0.0009934345079149573, layers: [128, 64]}",
  };
  REQUIRE(trials.size() == 4);
  for (std::size_t i = 0; i < trials.size(); ++i) CHECK(config_text(trials[i]) == expected[i]);
  // A larger run_cap extends the list without changing its start: shards and resumes agree.
  std::string longer = text;
  longer.replace(longer.find("run_cap: 4"), 10, "run_cap: 9");
  const std::vector<TrialSpec> more = trial_list(sweep_test::parse(longer));
  REQUIRE(more.size() == 9);
  for (std::size_t i = 0; i < trials.size(); ++i) CHECK(more[i].params == trials[i].params);
  std::string reseeded = text;
  reseeded.replace(reseeded.find("seed: 7"), 7, "seed: 8");
  CHECK_FALSE(trial_list(sweep_test::parse(reseeded))[0].params == trials[0].params);
}

TEST_CASE("Repeats run each configuration with derived seeds, and run_cap keeps whole configurations", "[sweep]") {
  std::string text = kGrid;
  text += "repeats: 3\nrun_cap: 20\n";
  const std::vector<TrialSpec> trials = trial_list(sweep_test::parse(text));
  REQUIRE(trials.size() == 18);  // 20 / 3 = 6 whole configurations
  std::set<std::int64_t> seeds;
  for (const TrialSpec& trial : trials) {
    CHECK(trial.id == trial.config_id * 3 + trial.repeat);
    CHECK(trial.seed == trials[static_cast<std::size_t>(trial.repeat)].seed);
    CHECK(trial.params.find("seed")->as_int() == trial.seed);
    seeds.insert(trial.seed);
  }
  CHECK(seeds.size() == 3);
  CHECK(config_text(trials[0]) == config_text(trials[2]));
}

TEST_CASE("A list sampler hands out the trial list and stops at the metric's target", "[sweep]") {
  std::string text = kGrid;
  text.replace(text.find("method: grid"), 12, "method: grid\nmetric: {name: val_mse, target: 0.5}");
  const SweepSpec spec = sweep_test::parse(text);
  const std::vector<TrialSpec> trials = trial_list(spec);
  auto sampler = make_sampler(spec);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto trial = sampler->next();
    REQUIRE(trial);
    CHECK(trial->params == trials[i].params);
  }
  sampler->tell(1, 0.9);
  sampler->tell(0, std::nullopt);
  CHECK_FALSE(sampler->exhausted());
  sampler->tell(2, 0.4);
  CHECK(sampler->exhausted());
  CHECK_FALSE(sampler->next());
  CHECK_THROWS_AS(sampler->tell(2, 0.1), vmsweep::Error);
}

TEST_CASE("A grid sampler is exhausted after the last trial", "[sweep]") {
  auto sampler = make_sampler(sweep_test::parse(kGrid));
  int handed_out = 0;
  while (sampler->next()) ++handed_out;
  CHECK(handed_out == 8);
  CHECK(sampler->exhausted());
}
