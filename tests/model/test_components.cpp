// The model's building blocks on small cases whose answers are known by hand.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "adam.hpp"
#include "dropout.hpp"
#include "gradient_clipping.hpp"
#include "initializer.hpp"
#include "vmsweep/model/loss.hpp"
#include "vmsweep/common/rng.hpp"
#include "sgd.hpp"
#include "weight_decay.hpp"

namespace vmsweep::model {
namespace {

TEST_CASE("MSE and Huber losses and their gradients", "[model]") {
  const std::vector<float> prediction{1.0f, -2.0f}, target{0.5f, 1.0f};
  std::vector<float> gradient(2);
  // residuals 0.5 and -3
  CHECK(loss_and_gradient(LossKind::mse, 1.0, prediction.data(), target.data(), 2, gradient.data()) ==
        Approx((0.25 + 9.0) / 2));
  CHECK(gradient[0] == Approx(0.5));
  CHECK(gradient[1] == Approx(-3.0));
  // Huber, delta 1: 0.5*0.25 (quadratic) and 1*(3-0.5) (linear)
  CHECK(loss_and_gradient(LossKind::huber, 1.0, prediction.data(), target.data(), 2, gradient.data()) ==
        Approx((0.125 + 2.5) / 2));
  CHECK(gradient[0] == Approx(0.25));
  CHECK(gradient[1] == Approx(-0.5));
}

TEST_CASE("Adam's first step moves each parameter by about the learning rate", "[model]") {
  Adam adam(0.9, 0.999, 1e-7, 2);
  std::vector<float> params{1.0f, 1.0f};
  const std::vector<float> gradients{0.5f, -0.01f};
  adam.step(params, gradients, 1e-3);
  // bias-corrected m/sqrt(v) = sign(g) on the first step
  CHECK(params[0] == Approx(1.0 - 1e-3).epsilon(1e-6));
  CHECK(params[1] == Approx(1.0 + 1e-3).epsilon(1e-6));
  adam.step(params, gradients, 1e-3);
  CHECK(params[0] == Approx(1.0 - 2e-3).epsilon(1e-6));
}

TEST_CASE("SGD steps against the gradient", "[model]") {
  Sgd sgd;
  std::vector<float> params{1.0f};
  sgd.step(params, std::vector<float>{2.0f}, 0.1);
  CHECK(params[0] == Approx(0.8));
}

TEST_CASE("weight decay: coupled adds wd x p to the gradient, decoupled shrinks p by lr x wd", "[model]") {
  using vmsweep::model::WeightDecay;
  const std::vector<float> zero{0.0f, 0.0f};
  // SGD with no gradient: both forms shrink the weights by lr x wd.
  for (auto kind : {WeightDecay::Kind::coupled, WeightDecay::Kind::decoupled}) {
    WeightDecay sgd(std::make_unique<Sgd>(), 0.5, kind);
    std::vector<float> p{2.0f, -4.0f};
    sgd.step(p, zero, 0.1);
    CHECK(p[0] == Approx(2.0 * (1 - 0.05)));
    CHECK(p[1] == Approx(-4.0 * (1 - 0.05)));
  }
  // Adam with no gradient: decoupled decay alone moves p (Adam's step is 0); coupled decay is a
  // gradient, which Adam's first step turns into a move of about lr.
  WeightDecay adamw(std::make_unique<Adam>(0.9, 0.999, 1e-7, 1), 0.1, WeightDecay::Kind::decoupled);
  std::vector<float> p{1.0f};
  adamw.step(p, std::vector<float>{0.0f}, 0.01);
  CHECK(p[0] == Approx(0.999));
  WeightDecay adam(std::make_unique<Adam>(0.9, 0.999, 1e-7, 1), 0.1, WeightDecay::Kind::coupled);
  p = {1.0f};
  adam.step(p, std::vector<float>{0.0f}, 0.01);
  CHECK(p[0] == Approx(0.99).epsilon(1e-4));
}

TEST_CASE("clipping by global norm scales only when the norm is too large", "[model]") {
  std::vector<float> gradients{3.0f, 4.0f};
  CHECK(clip_by_global_norm(gradients, 10.0) == Approx(5.0));
  CHECK(gradients == std::vector<float>{3.0f, 4.0f});
  clip_by_global_norm(gradients, 1.0);
  CHECK(gradients[0] == Approx(0.6));
  CHECK(gradients[1] == Approx(0.8));
}

TEST_CASE("Keras initialisers: glorot limit, orthonormal rows, forget bias", "[model]") {
  Rng rng(1);
  std::vector<float> kernel(3 * 16);
  glorot_uniform(kernel, 3, 16, rng);
  const double limit = std::sqrt(6.0 / 19.0);
  for (const float w : kernel) CHECK(std::abs(w) <= limit);

  std::vector<float> recurrent(4 * 16);
  orthogonal_rows(recurrent, 4, 16, rng);
  for (int a = 0; a < 4; ++a)
    for (int b = 0; b < 4; ++b) {
      double dot = 0.0;
      for (int c = 0; c < 16; ++c) dot += double{recurrent[a * 16 + c]} * recurrent[b * 16 + c];
      CHECK(dot == Approx(a == b ? 1.0 : 0.0).margin(1e-6));
    }

  std::vector<float> bias(4 * 3, 5.0f);
  lstm_bias(bias, 3);
  CHECK(bias == std::vector<float>{0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0});
}

TEST_CASE("PyTorch initialisers: uniform limit, summed biases spread like b_ih + b_hh", "[model]") {
  Rng rng(3);
  const double limit = 1.0 / std::sqrt(64.0);
  std::vector<float> weights(20000);
  uniform(weights, limit, rng);
  double sum_squares = 0.0;
  for (const float w : weights) {
    CHECK(std::abs(w) <= limit);
    sum_squares += double{w} * w;
  }
  // Var of U(-a, a) is a^2/3; the sum of two independent draws doubles it, with a limit of 2a.
  CHECK(sum_squares / weights.size() == Approx(limit * limit / 3).epsilon(0.03));
  std::vector<float> bias(20000);
  summed_uniform_bias(bias, limit, rng);
  double bias_squares = 0.0, widest = 0.0;
  for (const float b : bias) {
    bias_squares += double{b} * b;
    widest = std::max(widest, double{std::abs(b)});
  }
  CHECK(bias_squares / bias.size() == Approx(2 * limit * limit / 3).epsilon(0.03));
  CHECK(widest <= 2 * limit);
  CHECK(widest > limit);
}

TEST_CASE("the random stream is fixed by its seed", "[model]") {
  Rng a(42), b(42), c(43);
  const auto first = a.next_u64();
  CHECK(first == b.next_u64());
  CHECK(first != c.next_u64());
  CHECK(Rng(0).next_u64() == 0x99ec5f36cb75f2b4ULL);  // xoshiro256** seeded by splitmix64(0): pinned
}

TEST_CASE("inverted dropout keeps 1-p of the values, scaled by 1/(1-p)", "[model]") {
  const std::size_t count = 100000;
  DropoutMask dropout(0.2, count);
  Rng rng(5);
  dropout.draw(rng, count);
  const std::vector<float> ones(count, 1.0f);
  std::vector<float> out(count);
  dropout.apply(ones.data(), out.data(), count);
  std::size_t kept = 0, other = 0;
  for (const float v : out) {
    kept += v == 1.25f;
    other += v != 0.0f && v != 1.25f;
  }
  CHECK(other == 0);
  CHECK(static_cast<double>(kept) / count == Approx(0.8).margin(0.01));
}

}  // namespace
}  // namespace vmsweep::model
