#include <catch2/catch.hpp>

#include "vmsweep/train/early_stopping.hpp"

using vmsweep::train::EarlyStopping;

TEST_CASE("early stopping waits patience epochs after the best", "[train][early_stopping]") {
  EarlyStopping stopping(2, 0.0);
  CHECK(stopping.observe(1, 1.0));
  CHECK(stopping.observe(2, 0.5));
  CHECK_FALSE(stopping.observe(3, 0.6));
  CHECK_FALSE(stopping.should_stop());
  CHECK_FALSE(stopping.observe(4, 0.5));  // equal is not better
  CHECK(stopping.should_stop());
  CHECK(stopping.best_epoch() == 2);
  CHECK(stopping.best_loss() == 0.5);
}

TEST_CASE("early stopping needs an improvement larger than min_delta", "[train][early_stopping]") {
  EarlyStopping stopping(3, 0.1);
  CHECK(stopping.observe(1, 1.0));
  CHECK_FALSE(stopping.observe(2, 0.95));
  CHECK(stopping.observe(3, 0.85));
  CHECK(stopping.best_epoch() == 3);
}

TEST_CASE("patience 0 never stops", "[train][early_stopping]") {
  EarlyStopping stopping(0, 0.0);
  stopping.observe(1, 1.0);
  for (int epoch = 2; epoch < 50; ++epoch) stopping.observe(epoch, 2.0);
  CHECK_FALSE(stopping.should_stop());
  CHECK(stopping.best_epoch() == 1);
}
