#include <catch2/catch.hpp>

#include <limits>

#include "vmsweep/sweep/hyperband.hpp"

using namespace vmsweep::sweep;

namespace {

EarlyTerminate growing(std::int64_t min_iter, std::int64_t eta) {
  EarlyTerminate rule;
  rule.min_iter = min_iter;
  rule.eta = eta;
  return rule;
}

EarlyTerminate shrinking(std::int64_t max_iter, std::int64_t eta, std::int64_t s) {
  EarlyTerminate rule;
  rule.max_iter = max_iter;
  rule.eta = eta;
  rule.s = s;
  return rule;
}

}  // namespace

TEST_CASE("hyperband bands grow from min_iter by eta", "[sweep][hyperband]") {
  const std::vector<int> bands = hyperband_bands(growing(3, 3));
  REQUIRE(bands.size() > 4);
  CHECK(std::vector<int>(bands.begin(), bands.begin() + 4) == std::vector<int>{3, 9, 27, 81});
  CHECK(bands.back() == 3 * 387420489);  // 3^19: the next would not fit an int
  CHECK(static_cast<std::int64_t>(bands.back()) * 3 > std::numeric_limits<int>::max());
  CHECK(HyperbandPruner(growing(2, 2)).bands().front() == 2);
}

TEST_CASE("hyperband bands shrink from max_iter over s brackets, ascending", "[sweep][hyperband]") {
  CHECK(hyperband_bands(shrinking(5, 2, 2)) == std::vector<int>{1, 2});  // W&B's example
  CHECK(hyperband_bands(shrinking(27, 3, 3)) == std::vector<int>{1, 3, 9});
  CHECK(hyperband_bands(shrinking(100, 3, 2)) == std::vector<int>{11, 33});  // integer division
  CHECK(hyperband_bands(shrinking(5, 2, 6)) == std::vector<int>{1, 2});  // 5/8 < 1 is dropped
}

TEST_CASE("hyperband stops a trial above sorted(values)[floor(n / eta)] at a band", "[sweep][hyperband]") {
  HyperbandPruner pruner(growing(2, 2));  // bands 2, 4, 8, ...
  CHECK_FALSE(pruner.should_stop(1, 1, 100.0));  // not a band
  CHECK_FALSE(pruner.should_stop(1, 2, 5.0));    // first arrival: threshold is itself
  CHECK_FALSE(pruner.should_stop(2, 2, 7.0));    // [5 7][1] = 7: not above
  auto third = pruner.should_stop(3, 2, 9.0);    // [5 7 9][1] = 7
  REQUIRE(third);
  CHECK(third->epoch == 2);
  CHECK(third->value == 9.0);
  CHECK(third->threshold == 7.0);
  CHECK(third->peers == 3);
  CHECK(third->reason() == "pruned by hyperband at epoch 2: val_loss 9 > threshold 7 of 3 trials at this band");
  CHECK_FALSE(pruner.should_stop(4, 2, 6.0));    // [5 6 7 9][2] = 7
  auto fifth = pruner.should_stop(5, 2, 7.5);    // [5 6 7 7.5 9][2] = 7
  REQUIRE(fifth);
  CHECK(fifth->threshold == 7.0);
  CHECK_FALSE(pruner.should_stop(1, 3, 1e9));    // between bands a trial always goes on
  CHECK_FALSE(pruner.should_stop(1, 4, 50.0));   // band 4 starts its own list
  CHECK_FALSE(pruner.should_stop(2, 4, 60.0));   // [50 60][1] = 60: the second is never above
  CHECK(pruner.should_stop(3, 4, 70.0));         // [50 60 70][1] = 60
}

TEST_CASE("hyperband's rank is floor(n / eta), not rounded", "[sweep][hyperband]") {
  HyperbandPruner pruner(growing(1, 3));  // bands 1, 3, 9, ...
  for (int trial = 1; trial <= 4; ++trial) pruner.should_stop(trial, 1, trial);
  auto fifth = pruner.should_stop(5, 1, 2.5);  // [1 2 2.5 3 4]: floor(5/3) = 1 -> 2 (rounding gives 2.5)
  REQUIRE(fifth);
  CHECK(fifth->threshold == 2.0);
  CHECK(fifth->peers == 5);
}

TEST_CASE("hyperband counts a trial's repeated report at a band once", "[sweep][hyperband]") {
  HyperbandPruner pruner(growing(2, 2));
  CHECK_FALSE(pruner.should_stop(1, 2, 5.0));
  CHECK_FALSE(pruner.should_stop(1, 2, 5.0));
  CHECK_FALSE(pruner.should_stop(2, 2, 6.0));  // [5 6][1] = 6; counted twice, [5 5 6][1] = 5 would prune
}

TEST_CASE("hyperband judges new arrivals against remembered trials of an earlier run", "[sweep][hyperband]") {
  HyperbandPruner fresh(growing(2, 2)), resumed(growing(2, 2));  // bands 2, 4, 8, ...
  resumed.remember(1, 2, 0.5);
  resumed.remember(2, 2, 0.6);
  resumed.remember(3, 3, 0.1);  // not a band: ignored
  // Alone at the band, a trial is never stopped; after the earlier run, it meets sorted {0.5, 0.6, 0.9}[1].
  CHECK_FALSE(fresh.should_stop(4, 2, 0.9));
  const auto pruning = resumed.should_stop(4, 2, 0.9);
  REQUIRE(pruning);
  CHECK(pruning->threshold == 0.6);
  CHECK(pruning->peers == 3);
  CHECK_FALSE(resumed.should_stop(5, 3, 5.0));
}
