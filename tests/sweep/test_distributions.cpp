#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <numeric>

#include "distribution.hpp"
#include "vmsweep/common/rng.hpp"
#include "sweep_fixtures.hpp"

using vmsweep::Value;
using vmsweep::Rng;
using namespace vmsweep::sweep;

namespace {

constexpr int kSamples = 20000;

// Every distribution once, on knobs whose ranges do not clip it (dropout's does, on purpose).
const SweepSpec& spec() {
  static const SweepSpec parsed = sweep_test::parse(R"(data: {path: trace.txt}
method: random
run_cap: 1
parameters:
  min_delta: {distribution: uniform, min: 2, max: 5}
  look_back: {distribution: int_uniform, min: 1, max: 6}
  learning_rate: {distribution: log_uniform_values, min: 1.0e-4, max: 1.0e-1}
  clip_norm: {distribution: log_uniform, min: -3, max: 0}
  lr_min: {distribution: q_uniform, min: 0, max: 10, q: 0.5}
  batch_size: {distribution: q_log_uniform_values, min: 1, max: 1000, q: 1}
  huber_delta: {distribution: normal, mu: 5, sigma: 1}
  epsilon: {distribution: log_normal, mu: -4, sigma: 0.5}
  epochs: {distribution: q_normal, mu: 100, sigma: 10, q: 5}
  optimizer: {values: [adam, sgd], probabilities: [0.7, 0.3]}
  loss: {values: [mse, huber]}
  dropout: {distribution: normal, mu: 0.1, sigma: 0.2}
)");
  return parsed;
}

std::vector<Value> draws(const char* name) {
  Rng rng(20260101);
  std::vector<Value> values;
  for (int i = 0; i < kSamples; ++i) values.push_back(sample_parameter(*spec().find_parameter(name), rng));
  return values;
}

std::vector<double> numbers(const char* name, bool logarithm = false) {
  std::vector<double> xs;
  for (const Value& value : draws(name)) xs.push_back(logarithm ? std::log(value.as_double()) : value.as_double());
  return xs;
}

double mean(const std::vector<double>& xs) { return std::accumulate(xs.begin(), xs.end(), 0.0) / double(xs.size()); }

double stddev(const std::vector<double>& xs) {
  const double m = mean(xs);
  double sum = 0;
  for (double x : xs) sum += (x - m) * (x - m);
  return std::sqrt(sum / double(xs.size() - 1));
}

bool all_within(const std::vector<double>& xs, double low, double high) {
  return std::ranges::all_of(xs, [&](double x) { return x >= low && x <= high; });
}

bool all_multiples(const std::vector<double>& xs, double q) {
  return std::ranges::all_of(xs, [&](double x) { return std::fabs(x / q - std::round(x / q)) < 1e-9; });
}

// Share of draws equal to each value.
std::map<std::string, double> frequencies(const char* name) {
  std::map<std::string, double> shares;
  for (const Value& value : draws(name)) shares[value.to_string()] += 1.0 / kSamples;
  return shares;
}

}  // namespace

// Tolerances are about 5 standard errors for 20,000 draws.
TEST_CASE("uniform and log-uniform draws lie in range with the right moments", "[sweep]") {
  const auto uniform = numbers("min_delta");
  CHECK(all_within(uniform, 2, 5));
  CHECK(mean(uniform) == Approx(3.5).margin(0.03));
  CHECK(stddev(uniform) == Approx(3 / std::sqrt(12.0)).margin(0.02));

  const auto log_values = numbers("learning_rate", true);  // ln x is uniform
  CHECK(all_within(log_values, std::log(1e-4), std::log(1e-1)));
  CHECK(mean(log_values) == Approx(0.5 * (std::log(1e-4) + std::log(1e-1))).margin(0.04));
  CHECK(stddev(log_values) == Approx(std::log(1000.0) / std::sqrt(12.0)).margin(0.03));

  const auto log_space = numbers("clip_norm", true);  // bounds are already natural logs
  CHECK(all_within(log_space, -3, 0));
  CHECK(mean(log_space) == Approx(-1.5).margin(0.03));
}

TEST_CASE("integer and quantised draws take only their grid's values, evenly", "[sweep]") {
  const auto shares = frequencies("look_back");
  REQUIRE(shares.size() == 6);
  for (int k = 1; k <= 6; ++k) CHECK(shares.at(std::to_string(k)) == Approx(1.0 / 6).margin(0.015));
  CHECK(draws("look_back")[0].is_int());

  const auto halves = numbers("lr_min");
  CHECK(all_within(halves, 0, 10));
  CHECK(all_multiples(halves, 0.5));
  CHECK(mean(halves) == Approx(5.0).margin(0.1));

  const auto batch = draws("batch_size");
  CHECK(std::ranges::all_of(batch, [](const Value& v) { return v.is_int() && v.as_int() >= 1 && v.as_int() <= 1000; }));
}

TEST_CASE("normal draws have their mean, spread and shape, and clipping keeps the knob range", "[sweep]") {
  const auto normal = numbers("huber_delta");
  CHECK(mean(normal) == Approx(5).margin(0.04));
  CHECK(stddev(normal) == Approx(1).margin(0.03));
  const double within_one = double(std::ranges::count_if(normal, [](double x) { return std::fabs(x - 5) < 1; })) / kSamples;
  CHECK(within_one == Approx(0.6827).margin(0.017));

  const auto log_normal = numbers("epsilon", true);
  CHECK(mean(log_normal) == Approx(-4).margin(0.02));
  CHECK(stddev(log_normal) == Approx(0.5).margin(0.015));

  const auto quantised = numbers("epochs");
  CHECK(all_multiples(quantised, 5));
  CHECK(mean(quantised) == Approx(100).margin(0.4));

  const auto clipped = numbers("dropout");
  CHECK(all_within(clipped, 0, 0.95));
  const double at_zero = double(std::ranges::count(clipped, 0.0)) / kSamples;
  CHECK(at_zero == Approx(0.3085).margin(0.017));  // P(N(0.1, 0.2) < 0)
}

TEST_CASE("categorical draws follow the given probabilities, or are uniform", "[sweep]") {
  const auto weighted = frequencies("optimizer");
  CHECK(weighted.at("adam") == Approx(0.7).margin(0.016));
  CHECK(weighted.at("sgd") == Approx(0.3).margin(0.016));
  const auto uniform = frequencies("loss");
  CHECK(uniform.at("mse") == Approx(0.5).margin(0.018));
}

TEST_CASE("The generator is bitwise reproducible", "[sweep]") {
  Rng rng(42);
  CHECK(rng.next_u64() == 1546998764402558742u);  // xoshiro256** seeded by SplitMix64, on any machine
  Rng same(42), other(43);
  CHECK(same.uniform01() == Rng(42).uniform01());
  CHECK_FALSE(Rng(42).next_u64() == other.next_u64());
}
