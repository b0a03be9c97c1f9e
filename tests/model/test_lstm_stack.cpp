// LstmStack behaviour through the public API: learning, determinism, weight round trips, partial
// batches and dropout at prediction time.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <omp.h>
#include <thread>
#include <vector>

#include "vmsweep/common/error.hpp"
#include "vmsweep/model/lstm_stack.hpp"

namespace vmsweep::model {
namespace {

ModelConfig small_config() {
  ModelConfig config;
  config.hidden = {12, 8};
  config.time_steps = 6;
  config.batch = 8;
  config.dropout = 0.2;
  config.seed = 3;
  return config;
}

// Windows of a sine wave, time-major T x n x 1, and the next value of each as the target.
struct Windows {
  std::vector<float> x, y;
};

Windows sine_windows(int time_steps, int n, double phase = 0.0) {
  Windows windows{std::vector<float>(static_cast<std::size_t>(time_steps) * n), std::vector<float>(n)};
  const auto value = [&](int start, int t) { return static_cast<float>(std::sin(0.4 * (start + t) + phase)); };
  for (int i = 0; i < n; ++i) {
    for (int t = 0; t < time_steps; ++t) windows.x[static_cast<std::size_t>(t) * n + i] = value(i, t);
    windows.y[i] = value(i, time_steps);
  }
  return windows;
}

std::vector<float> predictions(LstmStack& model, const Windows& windows, int n) {
  std::vector<float> out(static_cast<std::size_t>(n) * model.config().horizon);
  model.predict(windows.x.data(), n, out.data());
  return out;
}

bool bitwise_equal(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

TEST_CASE("a tiny model overfits 32 windows", "[model]") {
  ModelConfig config;
  config.hidden = {16};
  config.time_steps = 8;
  config.batch = 32;
  config.dropout = 0.0;
  LstmStack model(config);
  const auto windows = sine_windows(config.time_steps, 32);
  double loss = 1.0;
  for (int step = 0; step < 3000 && loss >= 1e-4; ++step)
    loss = model.train_step(windows.x.data(), windows.y.data(), 32, step < 1500 ? 1e-2 : 3e-3);
  CHECK(loss < 1e-4);
}

TEST_CASE("the same seed gives bitwise-identical losses and predictions", "[model]") {
  const auto config = small_config();
  LstmStack first(config), second(config);
  const auto windows = sine_windows(config.time_steps, config.batch);
  for (int step = 0; step < 10; ++step) {
    const double a = first.train_step(windows.x.data(), windows.y.data(), config.batch, 1e-2);
    const double b = second.train_step(windows.x.data(), windows.y.data(), config.batch, 1e-2);
    REQUIRE(std::memcmp(&a, &b, sizeof a) == 0);
  }
  CHECK(bitwise_equal(predictions(first, windows, config.batch), predictions(second, windows, config.batch)));
  auto other_seed = config;
  other_seed.seed = 4;
  LstmStack third(other_seed);
  CHECK(third.train_step(windows.x.data(), windows.y.data(), config.batch, 1e-2) !=
        first.train_step(windows.x.data(), windows.y.data(), config.batch, 1e-2));
}

TEST_CASE("weights round trip exactly through set_weights", "[model]") {
  const auto config = small_config();
  LstmStack trained(config);
  const auto windows = sine_windows(config.time_steps, config.batch);
  for (int step = 0; step < 5; ++step) trained.train_step(windows.x.data(), windows.y.data(), config.batch, 1e-2);
  auto fresh_config = config;
  fresh_config.seed = 99;
  LstmStack restored(fresh_config);
  restored.set_weights(trained.weights());
  CHECK(restored.weights() == trained.weights());
  CHECK(bitwise_equal(predictions(restored, windows, config.batch), predictions(trained, windows, config.batch)));
  LstmStack built(fresh_config, trained.weights());  // no initialisation drawn, the weights given
  CHECK(built.weights() == trained.weights());
  CHECK(bitwise_equal(predictions(built, windows, config.batch), predictions(trained, windows, config.batch)));
}

TEST_CASE("weights have the documented names, shapes and count", "[model]") {
  LstmStack model(small_config());
  const auto weights = model.weights();
  REQUIRE(weights.size() == 8);
  CHECK(weights[0].name == "lstm0/weights_layer");
  CHECK(weights[0].shape == std::vector<std::int64_t>{1, 4, 12});
  CHECK(weights[4].name == "lstm1/weights_iter");
  CHECK(weights[4].shape == std::vector<std::int64_t>{8, 4, 8});
  CHECK(weights[6].name == "head/weights");
  CHECK(model.parameter_count() == (1 + 12 + 1) * 48 + (12 + 8 + 1) * 32 + 8 + 1);
  CHECK(LstmStack(ModelConfig{}).parameter_count() == 510785);  // the notebook model, as in Keras
}

TEST_CASE("init: pytorch draws every tensor within PyTorch's bounds, keras keeps its forget bias", "[model]") {
  ModelConfig config = small_config();
  config.init = InitScheme::pytorch;
  LstmStack pytorch(config);
  for (const NamedTensor& tensor : pytorch.weights()) {
    const bool head = tensor.name.starts_with("head");
    const double hidden = head || tensor.name.starts_with("lstm1") ? 8 : 12;
    const double limit = (tensor.name.ends_with("/bias") && !head ? 2 : 1) / std::sqrt(hidden);
    INFO(tensor.name);
    CHECK(std::ranges::all_of(tensor.values, [&](float v) { return std::abs(v) <= limit && v != 0.0f; }));
  }
  const NamedTensor keras_bias = LstmStack(small_config()).weights()[2];
  REQUIRE(keras_bias.name == "lstm0/bias");
  CHECK(keras_bias.values[12] == 1.0f);  // gate 1 (forget) of i, f, c~, o
  CHECK(pytorch.weights()[2].values[12] != 1.0f);
}

TEST_CASE("lstm_bias: pair moves the LSTM biases twice as far as single, and nothing else differs", "[model]") {
  const Windows windows = sine_windows(6, 8);
  const auto one_step = [&](OptimizerKind optimizer, LstmBias bias) {
    ModelConfig config = small_config();
    config.dropout = 0.0;
    config.optimizer = optimizer;
    config.lstm_bias = bias;
    LstmStack model(config);
    const std::vector<NamedTensor> before = model.weights();
    model.train_step(windows.x.data(), windows.y.data(), 8, 0.01);
    std::vector<NamedTensor> moved = model.weights();
    for (std::size_t k = 0; k < moved.size(); ++k)
      for (std::size_t i = 0; i < moved[k].values.size(); ++i) moved[k].values[i] -= before[k].values[i];
    return moved;
  };
  for (OptimizerKind optimizer : {OptimizerKind::sgd, OptimizerKind::adam}) {
    const auto single = one_step(optimizer, LstmBias::single), pair = one_step(optimizer, LstmBias::pair);
    for (std::size_t k = 0; k < single.size(); ++k) {
      INFO(single[k].name);
      const bool lstm_bias = single[k].name.starts_with("lstm") && single[k].name.ends_with("/bias");
      for (std::size_t i = 0; i < single[k].values.size(); ++i)
        CHECK(pair[k].values[i] == Approx((lstm_bias ? 2 : 1) * single[k].values[i]).margin(1e-7));
    }
  }
}

TEST_CASE("set_weights rejects a missing or misshapen tensor without changing the model", "[model]") {
  LstmStack model(small_config());
  const auto before = model.weights();
  auto wrong_shape = before;
  wrong_shape[1].shape = {4, 12, 12};
  CHECK_THROWS_AS(model.set_weights(wrong_shape), InputError);
  auto missing = before;
  missing.pop_back();
  CHECK_THROWS_AS(model.set_weights(missing), InputError);
  CHECK(model.weights() == before);
}

TEST_CASE("partial batches train and predict like full ones", "[model]") {
  const auto config = small_config();
  LstmStack model(config);
  const int n = config.batch + 5;  // predict: one full chunk and a partial one
  const auto windows = sine_windows(config.time_steps, n);
  const auto all = predictions(model, windows, n);
  // The last 5 windows alone, as a partial batch, give the same predictions.
  std::vector<float> x_tail(static_cast<std::size_t>(config.time_steps) * 5), out_tail(5);
  for (int t = 0; t < config.time_steps; ++t)
    std::copy_n(&windows.x[static_cast<std::size_t>(t) * n + config.batch], 5, &x_tail[static_cast<std::size_t>(t) * 5]);
  model.predict(x_tail.data(), 5, out_tail.data());
  for (int i = 0; i < 5; ++i) CHECK(out_tail[i] == Approx(all[config.batch + i]).margin(1e-6));
  const double loss = model.train_step(x_tail.data(), windows.y.data() + config.batch, 5, 1e-2);
  CHECK(std::isfinite(loss));
  CHECK_THROWS_AS(model.train_step(windows.x.data(), windows.y.data(), config.batch + 1, 1e-2), Error);
}

TEST_CASE("a window's prediction is bitwise the same alone, in a partial chunk or anywhere in a full one", "[model]") {
  auto config = small_config();
  config.hidden = {32, 16};
  config.horizon = 3;
  LstmStack model(config);
  const int n = 2 * config.batch + 3;
  const auto windows = sine_windows(config.time_steps, n);
  std::vector<float> all(static_cast<std::size_t>(n) * 3);
  model.predict(windows.x.data(), n, all.data());
  for (int i = 0; i < n; ++i) {
    std::vector<float> x(static_cast<std::size_t>(config.time_steps)), out(3);
    for (int t = 0; t < config.time_steps; ++t) x[static_cast<std::size_t>(t)] = windows.x[static_cast<std::size_t>(t) * n + i];
    model.predict(x.data(), 1, out.data());  // oneDNN alone would use other kernels for a batch of one
    INFO("window " << i);
    CHECK(bitwise_equal(out, std::vector<float>(all.begin() + 3 * i, all.begin() + 3 * i + 3)));
  }
}

TEST_CASE("dropout is off at prediction time", "[model]") {
  auto config = small_config();
  config.dropout = 0.5;
  LstmStack with_dropout(config);
  config.dropout = 0.0;
  LstmStack without_dropout(config);  // same seed: same initial weights
  const auto windows = sine_windows(config.time_steps, config.batch);
  const auto first = predictions(with_dropout, windows, config.batch);
  CHECK(bitwise_equal(first, predictions(with_dropout, windows, config.batch)));
  CHECK(bitwise_equal(first, predictions(without_dropout, windows, config.batch)));
  // ...and on in training: with a mask, the training loss differs from the dropout-free one.
  CHECK(with_dropout.train_step(windows.x.data(), windows.y.data(), config.batch, 0.0) !=
        without_dropout.train_step(windows.x.data(), windows.y.data(), config.batch, 0.0));
}

TEST_CASE("a model created in one thread trains in another with the same results", "[model]") {
  const auto config = small_config();
  const auto windows = sine_windows(config.time_steps, config.batch);
  LstmStack here(config), moved(config);
  const auto train = [&](LstmStack& model) {
    std::vector<double> losses;
    for (int step = 0; step < 5; ++step)
      losses.push_back(model.train_step(windows.x.data(), windows.y.data(), config.batch, 1e-2));
    return losses;
  };
  const auto expected = train(here);
  std::vector<double> losses;
  std::thread worker([&] {
    omp_set_num_threads(1);  // the caller's thread budget, as a trainer sets it
    losses = train(moved);
  });
  worker.join();
  CHECK(losses == expected);
}

TEST_CASE("an invalid configuration is an input error", "[model]") {
  auto config = small_config();
  config.hidden = {};
  CHECK_THROWS_AS(LstmStack(config), InputError);
  config = small_config();
  config.dropout = 1.0;
  CHECK_THROWS_AS(LstmStack(config), InputError);
}

}  // namespace
}  // namespace vmsweep::model
