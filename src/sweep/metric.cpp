#include <algorithm>
#include <string>
#include <vector>
#include <array>
#include <cmath>

#include "checks.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::array<std::string_view, 3> kMetricKeys{"name", "goal", "target"};
constexpr std::array<std::string_view, 2> kGoals{"minimize", "maximize"};

std::vector<std::string_view> metric_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const char* part : {"train", "val", "test"})
      for (const char* error : {"mse", "rmse", "mae", "mape", "smape"}) all.push_back(std::string(part) + "_" + error);
    return all;
  }();
  return {names.begin(), names.end()};
}

std::string checked_metric_name(const Value& name) {
  const std::string& text = nonempty_string(name, "metric.name");
  const auto known = metric_names();
  if (std::ranges::find(known, text) == known.end())
    fail(name, "metric.name", "unknown metric '" + text + "'; expected {train,val}_{mse,rmse,mae,mape,smape}" +
                                  did_you_mean(text, known));
  if (text.starts_with("test_"))
    fail(name, "metric.name",
         text + " is measured on the test part: choosing hyperparameters by it leaks the test data into the "
                "selection and its score is no longer an honest estimate; optimise val_" + text.substr(5) +
                " and read " + text + " in the results");
  return text;
}

bool checked_goal(const Value& goal) {
  const std::string& text = nonempty_string(goal, "metric.goal");
  if (std::ranges::find(kGoals, text) == kGoals.end())
    fail(goal, "metric.goal", "expected minimize or maximize, got '" + text + "'" + did_you_mean(text, kGoals));
  if (text == "maximize")
    fail(goal, "metric.goal", "every metric here is an error (lower is better); maximize would pick the worst model");
  return false;
}

}  // namespace

bool Metric::reached(double value) const {
  return target && !std::isnan(value) && (maximize ? value >= *target : value <= *target);
}

Metric parse_metric(const Value& block) {
  require_map(block, "metric");
  check_keys(block, kMetricKeys, "metric");
  Metric metric;
  const Value* name = block.find("name");
  if (!name) fail(block, "metric", "expected a name, e.g. {name: val_mse, goal: minimize}");
  metric.name = checked_metric_name(*name);
  if (const Value* goal = block.find("goal")) metric.maximize = checked_goal(*goal);
  if (const Value* target = block.find("target")) {
    metric.target = finite_number(*target, "metric.target");
    if (*metric.target < 0) fail(*target, "metric.target", "errors are never negative; got " + target->to_string());
  }
  return metric;
}

}  // namespace vmsweep::sweep
