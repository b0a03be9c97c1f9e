#include <catch2/catch.hpp>

#include <cstring>
#include <limits>

#include "io/sample_trials.hpp"
#include "vmsweep/io/checkpoint_file.hpp"

using namespace vmsweep;
using namespace vmsweep::io;
using namespace vmsweep::io::testing;

namespace {

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  // memcmp must not see the null data() of an empty vector.
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

Checkpoint sample_checkpoint() {
  Checkpoint checkpoint;
  checkpoint.params = sample_params(14, 0.001);
  checkpoint.scaler_kind = "minmax";
  checkpoint.scaler_offset = 0.1 + 0.2;
  checkpoint.scaler_scale = 17.25;
  checkpoint.best_epoch = 42;
  std::vector<float> weights(4 * 3 * 2);
  for (std::size_t i = 0; i < weights.size(); ++i) weights[i] = 1.0f / static_cast<float>(i + 3);
  weights[5] = std::numeric_limits<float>::denorm_min();
  weights[6] = -0.0f;
  // Names out of alphabetical order: the reader must keep the writer's order.
  checkpoint.weights = {{"lstm0/weights_layer", {1, 1, 4, 3, 2}, weights},
                        {"head/weights", {2, 1}, {0.5f, -1.25f}},
                        {"head/bias", {}, {3.0f}},
                        {"unused/empty", {0}, {}}};
  return checkpoint;
}

}  // namespace

TEST_CASE("A checkpoint reads back bitwise and in order", "[io]") {
  ScratchDir scratch("checkpoint");
  Checkpoint written = sample_checkpoint();
  write_checkpoint(scratch.path() / "best.h5", written);
  Checkpoint got = read_checkpoint(scratch.path() / "best.h5");
  CHECK(got.params == written.params);
  CHECK(got.scaler_kind == "minmax");
  CHECK(same_bits(got.scaler_offset, written.scaler_offset));
  CHECK(got.scaler_scale == 17.25);
  CHECK(got.best_epoch == 42);
  REQUIRE(got.weights.size() == written.weights.size());
  for (std::size_t i = 0; i < written.weights.size(); ++i) {
    CHECK(got.weights[i].name == written.weights[i].name);
    CHECK(got.weights[i].shape == written.weights[i].shape);
    CHECK(same_bits(got.weights[i].values, written.weights[i].values));
  }
}

TEST_CASE("A checkpoint whose tensor shape and values disagree is not written", "[io]") {
  ScratchDir scratch("checkpoint-bad");
  Checkpoint checkpoint = sample_checkpoint();
  checkpoint.weights[1].shape = {3, 1};
  auto path = scratch.path() / "bad.h5";
  CHECK_THROWS_WITH(write_checkpoint(path, checkpoint),
                    Catch::Contains("bad.h5") && Catch::Contains("/weights/head/weights"));
  CHECK(std::filesystem::is_empty(scratch.path()));
}
