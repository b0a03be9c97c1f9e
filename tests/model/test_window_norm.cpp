// The issue-13 levers in the model (docs/levers.md): a window's frame on hand-computed values, the
// normalise / de-normalise round trip, and what the network predicts with its LSTM's output at zero
// (then only the frame and the highway speak).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "vmsweep/model/lstm_stack.hpp"
#include "vmsweep/model/window_norm.hpp"

namespace vmsweep::model {
namespace {

ModelConfig config_for(WindowNorm norm, TargetKind target, int time_steps = 4, int channels = 1) {
  ModelConfig config;
  config.window_norm = norm;
  config.target = target;
  config.time_steps = time_steps;
  config.input_channels = channels;
  config.hidden = {6, 4};
  config.batch = 4;
  config.seed = 2;
  return config;
}

// Two windows of 4 steps, time-major with 2 channels: window 0 is 1, 2, 3, 4 on channel 0.
const std::vector<float> two_windows = {1, 10, -2, 0,  //
                                        2, 20, -2, 0,  //
                                        3, 30, -2, 0,  //
                                        4, 40, -1, 0};

TEST_CASE("a window's frame on hand-computed values", "[model][levers]") {
  using enum WindowNorm;
  const auto frame = [](WindowNorm norm, TargetKind target, int n) {
    return window_frame(config_for(norm, target, 4, 2), two_windows.data(), 2, n);
  };
  CHECK(frame(none, TargetKind::level, 0).anchor == 0.0f);
  CHECK(frame(none, TargetKind::level, 0).scale == 1.0f);
  CHECK(frame(none, TargetKind::delta, 0).anchor == 4.0f);
  CHECK(frame(last, TargetKind::level, 0).location == 4.0f);
  CHECK(frame(last, TargetKind::level, 1).location == -1.0f);
  CHECK(frame(mean, TargetKind::level, 0).location == 2.5f);
  CHECK(frame(mean, TargetKind::level, 0).anchor == 2.5f);
  CHECK(frame(mean, TargetKind::delta, 0).anchor == 4.0f);
  const WindowFrame standard = frame(std, TargetKind::level, 0);
  CHECK(standard.location == 2.5f);
  CHECK(standard.scale == static_cast<float>(std::sqrt(1.25 + 1e-4)));  // population variance + eps^2
  // A flat window's scale is eps, not zero: its inputs become 0, not NaN.
  CHECK(frame(std, TargetKind::level, 1).scale == Approx(std::sqrt(0.1875 + 1e-4)));
  const std::vector<float> flat = {3, 3, 3, 3};
  CHECK(window_frame(config_for(std, TargetKind::level), flat.data(), 1, 0).scale == static_cast<float>(window_norm_epsilon));
}

TEST_CASE("normalising a window and de-normalising it gives its values back", "[model][levers]") {
  for (const WindowNorm norm : {WindowNorm::last, WindowNorm::mean, WindowNorm::std}) {
    const ModelConfig config = config_for(norm, TargetKind::level, 4, 2);
    std::vector<float> x = two_windows;
    for (int n = 0; n < 2; ++n) {
      const WindowFrame frame = window_frame(config, x.data(), 2, n);
      normalise_window(config, frame, x.data(), 2, n);
      for (int t = 0; t < 4; ++t)
        for (int c = 0; c < 2; ++c) {
          const std::size_t i = static_cast<std::size_t>((t * 2 + n) * 2 + c);
          const float back = denormalise({frame.location, frame.location, frame.scale}, x[i]);
          // exact for the location-only frames on these values, within float rounding for std
          if (norm == WindowNorm::std) CHECK(back == Approx(two_windows[i]).margin(4e-6));
          else CHECK(back == two_windows[i]);
        }
    }
  }
}

// Zero head: the LSTM's output is exactly 0, so the prediction is the anchor (+ scale * head bias).
LstmStack with_head(const ModelConfig& config, float bias) {
  LstmStack model(config);
  std::vector<NamedTensor> weights = model.weights();
  for (NamedTensor& tensor : weights) {
    if (tensor.name == "head/weights") std::fill(tensor.values.begin(), tensor.values.end(), 0.0f);
    if (tensor.name == "head/bias") std::fill(tensor.values.begin(), tensor.values.end(), bias);
  }
  model.set_weights(weights);
  return model;
}

std::vector<float> predict(LstmStack& model, const std::vector<float>& x, int n) {
  std::vector<float> out(static_cast<std::size_t>(n) * model.config().horizon);
  model.predict(x.data(), n, out.data());
  return out;
}

TEST_CASE("a delta target reconstructs the level: last value plus the head's change", "[model][levers]") {
  const std::vector<float> x = {5, 1, 6, 2, 7, 3, 9, -4};  // 4 steps x 2 windows; last values 9 and -4
  for (const WindowNorm norm : {WindowNorm::none, WindowNorm::last, WindowNorm::mean}) {
    LstmStack model = with_head(config_for(norm, TargetKind::delta), 0.5f);
    CHECK(predict(model, x, 2) == std::vector<float>{9.5f, -3.5f});
  }
  LstmStack standard = with_head(config_for(WindowNorm::std, TargetKind::delta), 0.5f);
  const double scale0 = std::sqrt(2.1875 + 1e-4);  // window 0: 5 6 7 9, mean 6.75
  CHECK(predict(standard, x, 2)[0] == Approx(9 + 0.5 * scale0).epsilon(1e-6));
  // level with window_norm mean: the mean, plus the head
  LstmStack level = with_head(config_for(WindowNorm::mean, TargetKind::level), 0.0f);
  CHECK(predict(level, x, 2) == std::vector<float>{6.75f, 0.5f});
}

TEST_CASE("window_norm std makes the prediction follow a shift of the window", "[model][levers]") {
  ModelConfig config = config_for(WindowNorm::std, TargetKind::level, 6);
  LstmStack model(config);  // a random head: the LSTM speaks
  std::vector<float> x(6 * 3);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(std::sin(0.7 * i));
  std::vector<float> shifted = x;
  for (float& v : shifted) v += 40.0f;
  const auto base = predict(model, x, 3), moved = predict(model, shifted, 3);
  for (std::size_t n = 0; n < 3; ++n) CHECK(moved[n] == Approx(base[n] + 40.0f).margin(2e-4));
  // Without it the network sees the level: a shift far outside its inputs does not carry over.
  LstmStack plain(config_for(WindowNorm::none, TargetKind::level, 6));
  const auto plain_base = predict(plain, x, 3), plain_moved = predict(plain, shifted, 3);
  CHECK(std::abs(plain_moved[0] - plain_base[0] - 40.0f) > 1.0f);
}

TEST_CASE("the highway's weights are saved and restored with the model", "[model][levers]") {
  ModelConfig config = config_for(WindowNorm::none, TargetKind::level);
  config.ar_highway = 3;
  config.horizon = 2;
  LstmStack model(config);
  std::vector<NamedTensor> weights = model.weights();
  REQUIRE(weights[weights.size() - 2].name == "highway/weights");
  CHECK(weights[weights.size() - 2].shape == std::vector<std::int64_t>{3, 2});
  CHECK(weights.back().name == "highway/bias");
  for (float v : weights[weights.size() - 2].values) CHECK(v == 0.0f);  // the trainer fits it
  weights[weights.size() - 2].values = {1, 0, 0, 1, 0, 0};  // step 1: the oldest of the 3; step 2: the middle
  weights.back().values = {0.25f, 0};
  LstmStack restored(config, weights);
  CHECK(restored.weights() == weights);
  const std::vector<float> x = {1, 2, 3, 4};  // one window of 4 steps: the highway reads 2, 3, 4
  LstmStack zero_head = with_head(config, 0.0f);
  std::vector<NamedTensor> highway = zero_head.weights();
  highway[highway.size() - 2] = weights[weights.size() - 2];
  highway.back() = weights.back();
  zero_head.set_weights(highway);
  CHECK(predict(zero_head, x, 1) == std::vector<float>{2.25f, 3.0f});
}

TEST_CASE("ar_highway longer than the window is refused", "[model][levers]") {
  ModelConfig config = config_for(WindowNorm::none, TargetKind::level);
  config.ar_highway = 5;
  CHECK_THROWS_WITH(LstmStack(config), Catch::Contains("ar_highway must be in [0, time_steps]"));
}

}  // namespace
}  // namespace vmsweep::model
