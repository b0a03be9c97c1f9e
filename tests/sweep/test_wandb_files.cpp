// The W&B-style sweep files of tests/sweep/wandb/: each validates, and every parameter's draws follow
// W&B's formulas (wandb/sweeps, src/sweeps/params.py: HyperParameter.cdf and .ppf; grid_search.py),
// checked statistically with a fixed seed: bounds, q multiples, and a Kolmogorov-Smirnov distance
// against W&B's CDF. bayes (TPE) proposes only values the distribution can give.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <numbers>
#include <set>

#include "configs.hpp"
#include "distribution.hpp"
#include "sweep_fixtures.hpp"
#include "vmsweep/common/rng.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/train/parameters.hpp"

namespace fs = std::filesystem;
using vmsweep::Rng;
using vmsweep::Value;
using namespace vmsweep::sweep;

namespace {

const fs::path kWandbDir = fs::path(VMSWEEP_SOURCE_DIR) / "tests/sweep/wandb";
constexpr int kDraws = 4000;
// Kolmogorov-Smirnov at significance 0.001: D < 1.95 / sqrt(n) (conservative for discrete laws).
const double kMaxDistance = 1.95 / std::sqrt(static_cast<double>(kDraws));

std::vector<fs::path> wandb_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kWandbDir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::ranges::sort(files);
  return files;
}

SweepSpec load(const fs::path& file) { return SweepSpec::load(file, vmsweep::train::all_knobs()); }

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double clamp01(double p) { return std::clamp(p, 0.0, 1.0); }

// The regularised incomplete beta function by Simpson's rule on the density (a, b >= 1 here).
double beta_cdf(double x, double a, double b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double log_norm = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b);
  auto density = [&](double t) {
    if (t <= 0 || t >= 1) return (t <= 0 ? (a == 1) : (b == 1)) * std::exp(log_norm);
    return std::exp(log_norm + (a - 1) * std::log(t) + (b - 1) * std::log1p(-t));
  };
  constexpr int kSteps = 400;
  const double h = x / kSteps;
  double sum = density(0) + density(x);
  for (int i = 1; i < kSteps; ++i) sum += (i % 2 ? 4 : 2) * density(i * h);
  return clamp01(sum * h / 3);
}

// W&B's law of a parameter: the CDF of the number drawn before q-rounding (HyperParameter.cdf in
// params.py, written out again here rather than taken from vmsweep), and the quantum of its values.
struct Reference {
  std::function<double(double)> cdf;
  double q = 0;  // 0: continuous
};

Reference reference(const ParameterSpec& p) {
  const std::string name(distribution_name(p.distribution));
  const double q = name.starts_with("q_") ? p.q : 0;
  const double min = p.min, max = p.max, mu = p.mu, sigma = p.sigma;
  if (name == "uniform" || name == "q_uniform") return {[=](double x) { return clamp01((x - min) / (max - min)); }, q};
  if (name == "int_uniform")  // scipy's randint(min, max + 1)
    return {[=](double x) { return clamp01((x - (min - 0.5)) / (max - min + 1)); }, 1};
  if (name == "log_uniform" || name == "q_log_uniform")
    return {[=](double x) { return x <= 0 ? 0 : clamp01((std::log(x) - min) / (max - min)); }, q};
  if (name == "log_uniform_values" || name == "q_log_uniform_values")
    return {[=](double x) { return x <= 0 ? 0 : clamp01((std::log(x) - std::log(min)) / (std::log(max) - std::log(min))); },
            q};
  if (name == "inv_log_uniform")  // 1 - uniform.cdf(log(1 / x), min, max - min)
    return {[=](double x) { return x <= 0 ? 0 : 1 - clamp01((std::log(1 / x) - min) / (max - min)); }, 0};
  if (name == "inv_log_uniform_values")  // 1 - uniform.cdf(log(1 / x), -log(max), |log(max) - log(min)|)
    return {[=](double x) {
              return x <= 0 ? 0 : 1 - clamp01((std::log(1 / x) + std::log(max)) / std::fabs(std::log(max) - std::log(min)));
            },
            0};
  if (name == "normal" || name == "q_normal") return {[=](double x) { return normal_cdf((x - mu) / sigma); }, q};
  if (name == "log_normal" || name == "q_log_normal")
    return {[=](double x) { return x <= 0 ? 0 : normal_cdf((std::log(x) - mu) / sigma); }, q};
  if (name == "beta" || name == "q_beta") return {[a = p.a, b = p.b](double x) { return beta_cdf(x, a, b); }, q};
  FAIL("no reference for distribution " << name);
  return {};
}

// The largest gap between the draws' empirical CDF and W&B's, on both sides of each distinct value;
// a quantised value v stands for the draws in [v - q/2, v + q/2).
double ks_distance(std::vector<double> draws, const Reference& law) {
  std::ranges::sort(draws);
  const auto n = static_cast<double>(draws.size());
  double distance = 0;
  for (std::size_t i = 0; i < draws.size();) {
    std::size_t j = i;
    while (j < draws.size() && draws[j] == draws[i]) ++j;
    const double below = law.cdf(draws[i] - law.q / 2), through = law.cdf(draws[i] + law.q / 2);
    distance = std::max({distance, std::fabs(static_cast<double>(i) / n - below), std::fabs(static_cast<double>(j) / n - through)});
    i = j;
  }
  return distance;
}

bool multiple_of(double x, double q) { return std::fabs(x / q - std::round(x / q)) < 1e-9; }

// Where W&B's draws can lie, q-rounding included; every value also stays in the knob's range.
struct Support {
  double low, high;
};

Support support(const ParameterSpec& p) {
  const std::string name(distribution_name(p.distribution));
  const double inf = std::numeric_limits<double>::infinity();
  Support s{-inf, inf};
  if (name.find("uniform") != std::string::npos) {
    const bool values = name.ends_with("_values");
    const bool logs = name.find("log") != std::string::npos;
    if (name.starts_with("inv_")) s = values ? Support{p.min, p.max} : Support{std::exp(-p.max), std::exp(-p.min)};
    else if (logs && !values) s = {std::exp(p.min), std::exp(p.max)};
    else s = {p.min, p.max};
  }
  if (name.find("beta") != std::string::npos) s = {0, 1};
  if (name.find("log_normal") != std::string::npos) s.low = 0;
  if (name.starts_with("q_")) s = {std::round(s.low / p.q) * p.q, std::round(s.high / p.q) * p.q};
  return {std::max(s.low, p.clip_min), std::min(s.high, p.clip_max)};
}

void check_value_in_support(const ParameterSpec& p, const Value& value) {
  INFO(p.name << " = " << value.to_string());
  if (p.is_discrete()) {
    CHECK(std::ranges::find(p.values, value) != p.values.end());
    return;
  }
  REQUIRE(value.is_number());
  const double x = value.as_double();
  const Support s = support(p);
  CHECK(x >= s.low * (1 - 1e-12) - 1e-300);
  CHECK(x <= s.high * (1 + 1e-12) + 1e-300);
  if (p.integer) CHECK(value.is_int());
  if (distribution_name(p.distribution).starts_with("q_")) CHECK(multiple_of(x, p.q));
}

void check_categorical(const ParameterSpec& p, Rng& rng) {
  std::map<std::string, int> counts;
  for (int i = 0; i < kDraws; ++i) ++counts[sample_parameter(p, rng).to_string()];
  // W&B draws a list entry uniformly (a value listed twice twice as often), or by `probabilities`.
  std::map<std::string, double> expected;
  for (std::size_t i = 0; i < p.values.size(); ++i)
    expected[p.values[i].to_string()] += p.probabilities.empty() ? 1.0 / static_cast<double>(p.values.size()) : p.probabilities[i];
  for (const auto& [value, probability] : expected) {
    INFO(p.name << " = " << value);
    const double frequency = counts[value] / static_cast<double>(kDraws);
    CHECK(std::fabs(frequency - probability) < 4.5 * std::sqrt(probability * (1 - probability) / kDraws));
  }
}

void check_numeric(const ParameterSpec& p, Rng& rng) {
  std::vector<double> draws;
  for (int i = 0; i < kDraws; ++i) {
    const Value value = sample_parameter(p, rng);
    check_value_in_support(p, value);
    draws.push_back(value.as_double());
  }
  INFO(p.name << ": " << distribution_name(p.distribution));
  CHECK(ks_distance(draws, reference(p)) < kMaxDistance);
}

sweep_test::CommandRun validate(const fs::path& file) {
  return sweep_test::run_command("'" VMSWEEP_BINARY "' validate '" + file.string() + "' 2>&1");
}

}  // namespace

TEST_CASE("Every W&B-style sweep file validates", "[sweep][wandb]") {
  const auto files = wandb_files();
  CHECK(files.size() >= 15);
  for (const fs::path& file : files) {
    INFO(file.filename().string());
    const sweep_test::CommandRun result = validate(file);
    CHECK(result.exit_code == 0);
    CHECK(result.output.find("error") == std::string::npos);
    CHECK(result.output.find("ok: ") != std::string::npos);
  }
}

TEST_CASE("Every parameter of the W&B files draws by W&B's formula", "[sweep][wandb]") {
  Rng rng(20260202);
  std::set<std::string> distributions;
  for (const fs::path& file : wandb_files()) {
    INFO(file.filename().string());
    for (const ParameterSpec& parameter : load(file).parameters) {
      distributions.insert(std::string(distribution_name(parameter.distribution)));
      if (parameter.distribution == Distribution::constant) continue;
      if (parameter.is_discrete()) check_categorical(parameter, rng);
      else check_numeric(parameter, rng);
    }
  }
  // Every distribution W&B documents appears in the files.
  for (std::string_view name : distribution_names())
    if (name != "categorical_w_probabilities") CHECK(distributions.contains(std::string(name)));
}

TEST_CASE("The KS check itself rejects a law that is not W&B's", "[sweep][wandb]") {
  // log_uniform's bounds are logs: drawing uniformly between e^min and e^max (the mistake of reading
  // them as values) must fail the distance test the real draws pass.
  const SweepSpec spec = load(kWandbDir / "random_uniform_family.yaml");
  const ParameterSpec& p = *spec.find_parameter("learning_rate");
  Rng rng(7);
  std::vector<double> wrong;
  for (int i = 0; i < kDraws; ++i) wrong.push_back(rng.uniform(std::exp(p.min), std::exp(p.max)));
  CHECK(ks_distance(wrong, reference(p)) > kMaxDistance);
}

TEST_CASE("W&B's grid expands int_uniform to every integer and q_uniform as numpy.arange", "[sweep][wandb]") {
  const SweepSpec spec = load(kWandbDir / "grid_int_uniform.yaml");
  CHECK(grid_size(spec) == 8 * 5);
  std::vector<std::int64_t> look_backs;
  std::vector<double> dropouts;
  for (std::int64_t i = 0; i < grid_size(spec); ++i) {
    const Value config = grid_config(spec, i);
    if (i % 5 == 0) look_backs.push_back(config.find("look_back")->as_int());
    if (i < 5) dropouts.push_back(config.find("dropout")->as_double());
  }
  CHECK(look_backs == std::vector<std::int64_t>{7, 8, 9, 10, 11, 12, 13, 14});  // range(7, 15)
  // numpy.arange(0.0, 0.5, 0.1), bit for bit: 0.5 itself is left out, as W&B leaves it out
  CHECK(dropouts == std::vector<double>{0.0, 0.1, 0.2, 0.1 * 3, 0.4});
  const SweepSpec mixed = load(kWandbDir / "grid_mixed.yaml");
  CHECK(grid_size(mixed) == 24);
  CHECK(grid_config(mixed, 23).to_string() == "{optimizer: sgd, horizon: 3, batch_size: 64}");
}

TEST_CASE("bayes proposes only values each W&B distribution can give", "[sweep][wandb][tpe]") {
  for (const fs::path& file : wandb_files()) {
    INFO(file.filename().string());
    SweepSpec spec = load(file);
    spec.method = Method::bayes;
    spec.run_cap = 30 * spec.repeats;
    spec.bayes.n_startup = 6;
    spec.metric.target.reset();
    auto sampler = make_sampler(spec);
    int told = 0;
    while (auto trial = sampler->next()) {
      double objective = 0;
      for (const ParameterSpec& parameter : spec.parameters) {
        const Value& value = *trial->params.find(parameter.name);
        if (parameter.name != "seed") check_value_in_support(parameter, value);
        if (value.is_number()) objective += std::fabs(std::log1p(std::fabs(value.as_double())) - 1);
      }
      sampler->tell(trial->id, objective);
      ++told;
    }
    // TPE itself proposed, past the start-up draws, unless the space has fewer configurations.
    const bool finite = std::ranges::all_of(spec.parameters, [](const ParameterSpec& p) { return p.is_discrete(); });
    CHECK((told > 6 || (finite && told == grid_size(spec) * spec.repeats)));
  }
}
