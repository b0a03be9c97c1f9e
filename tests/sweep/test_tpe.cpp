#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <set>

#include "sweep_fixtures.hpp"
#include "vmsweep/sweep/sampler.hpp"

using vmsweep::Value;
using namespace vmsweep::sweep;

namespace {

using Objective = std::function<double(const Value&)>;

// Branin-Hoo on [-5, 10] x [0, 15]; its minimum is 0.397887 at three points.
double branin(const Value& p) {
  const double x1 = p.find("x1")->as_double(), x2 = p.find("x2")->as_double();
  const double b = 5.1 / (4 * std::numbers::pi * std::numbers::pi), c = 5 / std::numbers::pi;
  const double t = 1 / (8 * std::numbers::pi);
  return std::pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * std::cos(x1) + 10;
}

const char* const kBranin = R"(data: {path: trace.txt}
parameters:
  x1: {min: -5.0, max: 10.0}
  x2: {min: 0.0, max: 15.0}
)";

// Five dimensions, mixed: two continuous, one log-scaled, one integer, one categorical. Minimum 0.
double mixed(const Value& p) {
  const double x1 = p.find("x1")->as_double(), x2 = p.find("x2")->as_double();
  const double x3 = p.find("x3")->as_double();
  const double n = static_cast<double>(p.find("n")->as_int());
  const double c = p.find("c")->as_string() == "d" ? 0 : 2;
  return std::pow(x1 - 1, 2) + std::pow(x2 + 2, 2) + std::pow(std::log10(x3) + 1, 2) + std::pow((n - 13) / 4, 2) + c;
}

const char* const kMixed = R"(data: {path: trace.txt}
parameters:
  x1: {min: -5.0, max: 5.0}
  x2: {min: -5.0, max: 5.0}
  x3: {distribution: log_uniform_values, min: 1.0e-3, max: 10.0}
  n: {min: 1, max: 20}
  c: {values: [a, b, c, d, e]}
)";

SweepSpec study(const char* body, const char* method, int seed, int trials) {
  const std::string text = std::string("method: ") + method + "\nseed: " + std::to_string(seed) +
                           "\nrun_cap: " + std::to_string(trials) + "\n" + body;
  return sweep_test::parse(text, sweep_test::benchmark_knobs());
}

// Sequential ask/tell; the best value found.
double best_of(const SweepSpec& spec, const Objective& objective) {
  auto sampler = make_sampler(spec);
  double best = INFINITY;
  while (auto trial = sampler->next()) {
    const double value = objective(trial->params);
    best = std::min(best, value);
    sampler->tell(trial->id, value);
  }
  return best;
}

double median_best(const char* body, const char* method, const Objective& objective) {
  std::vector<double> bests;
  for (int seed = 0; seed < 20; ++seed) bests.push_back(best_of(study(body, method, seed, 60), objective));
  std::ranges::sort(bests);
  return 0.5 * (bests[9] + bests[10]);
}

}  // namespace

TEST_CASE("TPE beats random search on Branin (median best of 20 seeds x 60 trials)", "[sweep][tpe]") {
  const double tpe = median_best(kBranin, "bayes", branin);
  const double random = median_best(kBranin, "random", branin);
  INFO("TPE " << tpe << ", random " << random);
  CHECK(tpe < random);
}

TEST_CASE("TPE beats random search on a 5-D mixed categorical/continuous function", "[sweep][tpe]") {
  const double tpe = median_best(kMixed, "bayes", mixed);
  const double random = median_best(kMixed, "random", mixed);
  INFO("TPE " << tpe << ", random " << random);
  CHECK(tpe < random);
}

TEST_CASE("TPE proposals made while others are pending are all different", "[sweep][tpe]") {
  auto sampler = make_sampler(study(kMixed, "bayes", 3, 60));
  std::vector<TrialSpec> pending;
  for (int i = 0; i < 12; ++i) {  // past the 10 random start-up trials
    auto trial = sampler->next();
    sampler->tell(trial->id, mixed(trial->params));
  }
  for (int i = 0; i < 16; ++i) pending.push_back(*sampler->next());
  std::set<std::string> distinct;
  for (const TrialSpec& trial : pending) distinct.insert(trial.params.to_string());
  CHECK(distinct.size() == pending.size());
}

TEST_CASE("TPE over a small discrete space proposes each configuration once, then stops", "[sweep][tpe]") {
  const char* body = R"(data: {path: trace.txt}
bayes: {n_startup: 2}
parameters:
  n: {values: [1, 2, 3]}
  c: {values: [a, b]}
)";
  auto sampler = make_sampler(study(body, "bayes", 1, 50));
  std::set<std::string> seen;
  for (int i = 0; i < 6; ++i) {
    auto trial = sampler->next();
    REQUIRE(trial);
    seen.insert(trial->params.to_string());
    if (i % 2 == 0) sampler->tell(trial->id, double(i));  // half stay pending
  }
  CHECK(seen.size() == 6);
  CHECK_FALSE(sampler->next());
  CHECK(sampler->exhausted());
}

TEST_CASE("TPE hands out a configuration's repeats together and stops at the target", "[sweep][tpe]") {
  std::string text = std::string("repeats: 2\nmetric: {name: val_mse, target: 1.0}\n") + kBranin;
  auto sampler = make_sampler(study(text.c_str(), "bayes", 5, 60));
  auto first = sampler->next(), second = sampler->next();
  REQUIRE((first && second));
  CHECK(first->config_id == second->config_id);
  CHECK(second->repeat == 1);
  CHECK(first->seed != second->seed);
  Value a = first->params, b = second->params;
  a.set("seed", 0);
  b.set("seed", 0);
  CHECK(a == b);
  sampler->tell(first->id, 0.5);
  CHECK_FALSE(sampler->exhausted());   // the mean needs both repeats
  sampler->tell(second->id, 1.2);      // mean 0.85 <= 1.0
  CHECK(sampler->exhausted());
  CHECK_FALSE(sampler->next());
}
