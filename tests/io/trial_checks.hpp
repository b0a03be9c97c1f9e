#pragma once
// Bitwise comparison of stored trials for the round-trip tests.
#include <catch2/catch.hpp>

#include "io/sample_trials.hpp"

namespace vmsweep::io::testing {

inline void check_same_summary(const StoredTrial& got, const StoredTrial& want) {
  CHECK(got.id == want.id);
  CHECK(got.rank == want.rank);
  CHECK(got.host == want.host);
  const auto& g = got.result;
  const auto& w = want.result;
  CHECK(g.status == w.status);
  CHECK(g.reason == w.reason);
  CHECK(g.params == w.params);
  CHECK(g.params.to_json() == w.params.to_json());  // kinds too: 1.0 stays a real, 7 an integer
  CHECK(g.seed == w.seed);
  CHECK(g.epochs_run == w.epochs_run);
  CHECK(g.best_epoch == w.best_epoch);
  CHECK(g.diverged_epoch == w.diverged_epoch);
  CHECK(same_bits(g.seconds, w.seconds));
  CHECK(g.threads == w.threads);
  REQUIRE(g.metrics.size() == w.metrics.size());
  for (std::size_t i = 0; i < w.metrics.size(); ++i) {
    CHECK(g.metrics[i].first == w.metrics[i].first);
    CHECK(same_bits(g.metrics[i].second, w.metrics[i].second));
  }
}

inline void check_same_trial(const StoredTrial& got, const StoredTrial& want) {
  check_same_summary(got, want);
  const auto& g = got.result;
  const auto& w = want.result;
  REQUIRE(g.curve.size() == w.curve.size());
  for (std::size_t i = 0; i < w.curve.size(); ++i) {
    CHECK(g.curve[i].epoch == w.curve[i].epoch);
    CHECK(same_bits(g.curve[i].train_loss, w.curve[i].train_loss));
    CHECK(same_bits(g.curve[i].val_loss, w.curve[i].val_loss));
    CHECK(same_bits(g.curve[i].learning_rate, w.curve[i].learning_rate));
    CHECK(same_bits(g.curve[i].seconds, w.curve[i].seconds));
  }
  const auto& gp = g.predictions;
  const auto& wp = w.predictions;
  CHECK(gp.timestamp_ms == wp.timestamp_ms);
  CHECK(gp.split == wp.split);
  CHECK(gp.horizon_step == wp.horizon_step);
  REQUIRE(gp.actual.size() == wp.actual.size());
  REQUIRE(gp.predicted.size() == wp.predicted.size());
  for (std::size_t i = 0; i < wp.actual.size(); ++i) {
    CHECK(same_bits(gp.actual[i], wp.actual[i]));
    CHECK(same_bits(gp.predicted[i], wp.predicted[i]));
  }
}

}  // namespace vmsweep::io::testing
