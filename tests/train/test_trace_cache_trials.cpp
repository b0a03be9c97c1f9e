// Trials on one trace read it once on a rank (data/trace_cache.hpp), and train bitwise as they do
// when each reads it again.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "trial_params.hpp"
#include "vmsweep/data/trace_cache.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;

namespace {

// Three trials as a sweep would run them: two look-backs and a scaler, one trace.
std::vector<TrialResult> three_trials() {
  std::vector<TrialResult> results;
  for (auto [look_back, scale] : {std::pair{7, "minmax"}, std::pair{14, "minmax"}, std::pair{7, "zscore"}}) {
    Value params = testing::small_trial_params();
    params.set("look_back", look_back);
    params.set("scale", scale);
    params.set("epochs", 2);
    results.push_back(run_trial(params, 1));
    INFO(results.back().reason);
    REQUIRE(results.back().status == TrialStatus::ok);
  }
  return results;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Runs three_trials() with the rank's cache at `budget`; returns them and the parses they cost.
std::pair<std::vector<TrialResult>, std::size_t> trials_with_budget(std::size_t budget) {
  data::TraceCache& cache = data::rank_trace_cache();
  const std::size_t before_budget = cache.stats().budget_bytes;
  cache.set_budget(0);  // starts empty
  cache.set_budget(budget);
  const std::size_t parsed = cache.stats().parsed;
  std::vector<TrialResult> results = three_trials();
  const std::size_t parses = cache.stats().parsed - parsed;
  cache.set_budget(before_budget);
  return {std::move(results), parses};
}

}  // namespace

TEST_CASE("trace cache: three trials on one trace parse it once, and train bitwise as without the cache") {
  const auto [without, parses_without] = trials_with_budget(0);
  const auto [with, parses_with] = trials_with_budget(std::size_t{256} << 20);
  CHECK(parses_without == 3);
  CHECK(parses_with == 1);
  for (std::size_t trial = 0; trial < with.size(); ++trial) {
    REQUIRE(with[trial].metrics.size() == without[trial].metrics.size());
    for (std::size_t m = 0; m < with[trial].metrics.size(); ++m) {
      INFO("trial " << trial << " " << with[trial].metrics[m].first);
      CHECK(same_bits(with[trial].metrics[m].second, without[trial].metrics[m].second));
    }
    REQUIRE(with[trial].predictions.predicted.size() == without[trial].predictions.predicted.size());
    CHECK(std::memcmp(with[trial].predictions.predicted.data(), without[trial].predictions.predicted.data(),
                      with[trial].predictions.predicted.size() * sizeof with[trial].predictions.predicted[0]) == 0);
  }
}
