// fleet: global: one model trained on the windows of several traces, scored per trace.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "train/trial_params.hpp"
#include "vmsweep/train/global_trial.hpp"
#include "vmsweep/train/run_trial.hpp"

using namespace vmsweep;
using namespace vmsweep::train;
using vmsweep::train::testing::metric;
using vmsweep::train::testing::small_trial_params;

namespace {

Value global_params(Value::List paths) {
  Value params = small_trial_params();
  params.set("path", Value(std::move(paths)));
  return params;
}

// aa.txt with every value a * x + b: after each trace's own minmax scaling, the same windows.
std::string affine_copy_of_aa(double a, double b) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "vmsweep-test-global-affine.txt";
  std::ifstream in(VMSWEEP_AA_TXT);
  std::ofstream out(path);
  std::string line;
  std::getline(in, line);
  out << line << "\n";
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    out << line.substr(0, tab) << "\t" << a * std::stod(line.substr(tab + 1)) + b << "\n";
  }
  return path.string();
}

}  // namespace

TEST_CASE("a global trial on one trace is the local trial on it, bitwise", "[train][global]") {
  const TrialResult local = run_trial(small_trial_params(), 1);
  const TrialResult global = run_trial(global_params({VMSWEEP_AA_TXT}), 1);
  INFO(global.reason);
  REQUIRE(local.status == TrialStatus::ok);
  REQUIRE(global.status == TrialStatus::ok);
  REQUIRE(global.curve.size() == local.curve.size());
  for (std::size_t epoch = 0; epoch < local.curve.size(); ++epoch) {
    CHECK(global.curve[epoch].train_loss == local.curve[epoch].train_loss);
    CHECK(global.curve[epoch].val_loss == local.curve[epoch].val_loss);
  }
  REQUIRE(global.per_trace.size() == 1);
  CHECK(global.per_trace[0].trace == VMSWEEP_AA_TXT);
  CHECK(global.per_trace[0].metrics == local.metrics);
  CHECK(global.per_trace[0].predictions.predicted == local.predictions.predicted);
  CHECK(global.params.find("path")->is_list());
  // The trial's own metrics are pooled in scaled units: here one trace's MSE over its scale squared.
  REQUIRE(local.model);
  const double scale = local.model->scaler_scale;
  CHECK(metric(global, "val_mse") == Approx(metric(local, "val_mse") / (scale * scale)).epsilon(1e-9));
}

// Two identical traces double every window. With one batch per epoch (batch_size over the
// windows) an epoch's gradient is the mean over the same windows, each counted twice: the same
// model up to the order of the float sums, so the curves and predictions agree to 1e-5, not bitwise.
TEST_CASE("a global model on two identical traces equals the local model on one, full batches", "[train][global]") {
  Value local_params = small_trial_params();
  local_params.set("batch_size", 1024);
  Value twice = global_params({VMSWEEP_AA_TXT, VMSWEEP_AA_TXT});
  twice.set("batch_size", 1024);
  const TrialResult local = run_trial(local_params, 1);
  const TrialResult global = run_trial(twice, 1);
  INFO(global.reason);
  REQUIRE(global.status == TrialStatus::ok);
  REQUIRE(global.curve.size() == local.curve.size());
  for (std::size_t epoch = 0; epoch < local.curve.size(); ++epoch) {
    CHECK(global.curve[epoch].train_loss == Approx(local.curve[epoch].train_loss).epsilon(1e-5));
    CHECK(global.curve[epoch].val_loss == Approx(local.curve[epoch].val_loss).epsilon(1e-5));
  }
  REQUIRE(global.per_trace.size() == 2);
  for (const TraceScores& trace : global.per_trace) {
    CHECK(*find_metric(trace.metrics, "test_mse") == Approx(metric(local, "test_mse")).epsilon(1e-4));
    REQUIRE(trace.predictions.predicted.size() == local.predictions.predicted.size());
    CHECK(trace.predictions.predicted.back() == Approx(local.predictions.predicted.back()).epsilon(1e-4));
  }
}

TEST_CASE("a global model scales each trace on its own training part and scores it in its units", "[train][global]") {
  const std::string affine = affine_copy_of_aa(10.0, 5.0);
  const TrialResult global = run_trial(global_params({VMSWEEP_AA_TXT, affine}), 1);
  INFO(global.reason);
  REQUIRE(global.status == TrialStatus::ok);
  REQUIRE(global.per_trace.size() == 2);
  const Predictions& original = global.per_trace[0].predictions;
  const Predictions& scaled = global.per_trace[1].predictions;
  REQUIRE(original.predicted.size() == scaled.predicted.size());
  // Both traces give the model the same scaled windows, so the same scaled outputs.
  for (std::size_t row = 0; row < original.predicted.size(); row += 50) {
    CHECK(scaled.actual[row] == Approx(10 * original.actual[row] + 5));
    CHECK(scaled.predicted[row] == Approx(10 * original.predicted[row] + 5).epsilon(1e-5));
  }
  const auto test_mse = [](const TraceScores& trace) { return *find_metric(trace.metrics, "test_mse"); };
  CHECK(test_mse(global.per_trace[1]) == Approx(100 * test_mse(global.per_trace[0])).epsilon(1e-4));
  std::filesystem::remove(affine);
}

TEST_CASE("a global trial refuses levers that retrain on one trace", "[train][global]") {
  Value params = global_params({VMSWEEP_AA_TXT, VMSWEEP_AA_TXT});
  params.set("refit", true);
  const TrialResult result = run_trial(params, 1);
  CHECK(result.status == TrialStatus::failed);
  CHECK_THAT(result.reason, Catch::Contains("refit is not available with fleet: global"));
  params.set("refit", false);
  params.set("ar_highway", 3);
  CHECK_THAT(run_trial(params, 1).reason, Catch::Contains("ar_highway is not available with fleet: global"));
}
