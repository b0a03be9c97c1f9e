#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "train/trial_params.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;
using vmsweep::Value;

namespace {

// An hourly trace like aa.txt: 300 steps of a daily sine; steps from `changed_from` on are raised by 3.
std::filesystem::path write_trace(const std::string& name, int changed_from) {
  auto path = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".txt");
  std::ofstream out(path);
  out << "datetime\tdata_hourly\n";
  for (int step = 0; step < 300; ++step) {
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "2013-01-%02d %02d:00:00", 1 + step / 24, step % 24);
    double value = 5.0 + 2.0 * std::sin(step * 2.0 * M_PI / 24.0) + (step >= changed_from ? 3.0 : 0.0);
    out << stamp << '\t' << value << '\n';
  }
  return path;
}

TrialResult trial_on(const std::filesystem::path& trace) {
  Value params = testing::small_trial_params();
  params.set("path", trace.string());
  params.set("resample", "");
  params.set("epochs", 3);
  return run_trial(params, 1);
}

}  // namespace

TEST_CASE("the test part never guides training", "[train][trial]") {
  // 300 steps, look-back 14: 210 train, 30 val and 46 test windows; the first test target is step
  // 254, and no train or val window reads a step after 253.
  auto original = write_trace("vmsweep-unseen-a", 300);
  auto changed = write_trace("vmsweep-unseen-b", 260);
  TrialResult a = trial_on(original);
  TrialResult b = trial_on(changed);
  std::filesystem::remove(original);
  std::filesystem::remove(changed);
  INFO(a.reason);
  REQUIRE(a.status == TrialStatus::ok);
  REQUIRE(b.status == TrialStatus::ok);
  for (std::size_t i = 0; i < a.curve.size(); ++i) {
    CHECK(a.curve[i].train_loss == b.curve[i].train_loss);
    CHECK(a.curve[i].val_loss == b.curve[i].val_loss);
  }
  CHECK(*a.metric("train_mse") == *b.metric("train_mse"));
  CHECK(*a.metric("val_mse") == *b.metric("val_mse"));
  CHECK(*a.metric("test_mse") != *b.metric("test_mse"));
}
