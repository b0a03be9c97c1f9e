#pragma once
// Sample records for the io tests and for the fixture program that writes a sweep for the Python
// reader test. Values are chosen to catch lossy storage: 0.1 + 0.2, a subnormal, -0.0, and
// parameters of every kind (int, real that is whole, bool, string, list, nested map).
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string>

#include "vmsweep/io/stored_trial.hpp"
#include "vmsweep/io/sweep_meta.hpp"

namespace vmsweep::io::testing {

inline Value sample_params(int look_back, double learning_rate) {
  Value data;
  data.set("freq", "D");
  data.set("agg", "mean");
  Value params;
  params.set("look_back", look_back);
  params.set("layers", Value::List{256, 128, 64});
  params.set("dropout", 0.2);
  params.set("learning_rate", learning_rate);
  params.set("min_delta", 1.0);
  params.set("restore_best", true);
  params.set("lr_schedule", "exponential");
  params.set("seed", 7);
  params.set("data", data);
  return params;
}

inline Predictions sample_predictions(int rows) {
  Predictions p;
  for (int i = 0; i < rows; ++i) {
    p.timestamp_ms.push_back(1'600'000'000'000LL + 86'400'000LL * i);
    p.actual.push_back(10.0 + 0.1 * i);
    p.predicted.push_back(10.0 + 0.1 * i + (i % 2 ? 0.1 + 0.2 : -0.0));
    p.split.push_back(static_cast<SplitPart>(i * 3 / rows));
    p.horizon_step.push_back(1 + i % 2);
  }
  return p;
}

inline StoredTrial sample_trial(const std::string& id, int look_back, double learning_rate, int epochs = 5) {
  StoredTrial trial{id, 1 + look_back % 3, "node-" + std::to_string(look_back % 2), {}};
  TrialResult& r = trial.result;
  r.params = sample_params(look_back, learning_rate);
  r.seed = 1'000'000'007LL * look_back;
  r.epochs_run = epochs;
  r.best_epoch = epochs - 1;
  r.seconds = 12.5 + look_back;
  r.threads = 2;
  for (int e = 1; e <= epochs; ++e)
    r.curve.push_back({e, 1.0 / e + look_back, 1.5 / e, learning_rate * std::exp(-0.1 * e), 0.25 * e});
  if (!r.curve.empty()) r.curve.front().val_loss = std::numeric_limits<double>::denorm_min();
  r.metrics = {{"val_mse", 0.5 + look_back * 0.01}, {"test_mse", 0.1 + 0.2}, {"val_mae", 0.7}};
  r.predictions = sample_predictions(12);
  return trial;
}

inline StoredTrial sample_failed_trial(const std::string& id) {
  StoredTrial trial{id, 2, "node-9", {}};
  trial.result.status = TrialStatus::failed;
  trial.result.reason = "layers: expected a list of positive integers, got \"wide\" — ünïcode";
  trial.result.params.set("look_back", 3.5);
  trial.result.params.set("layers", "wide");
  return trial;
}

inline SweepMeta sample_meta() {
  SweepMeta meta;
  meta.name = "sample";
  meta.method = "grid";
  meta.metric = "val_mse";
  meta.metric_goal = "minimize";
  meta.sweep_text = "name: sample\nmethod: grid\nparameters:\n  look_back: {values: [7, 14]}\n";
  meta.sweep_hash = sweep_hash(meta.sweep_text);
  meta.seed = 42;
  meta.started = parse_iso8601_utc("2026-11-29T15:00:00.250Z");
  meta.ranks = 3;
  meta.hosts = {"node-0"};
  return meta;
}

inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// A fresh folder under /tmp, removed with everything in it when the test ends.
class ScratchDir {
public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("vmsweep-io-" + name + "-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

}  // namespace vmsweep::io::testing
