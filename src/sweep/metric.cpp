#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "checks.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::array<std::string_view, 5> kMetricKeys{"name", "goal", "target", "impute", "impute_while_running"};
constexpr std::array<std::string_view, 2> kGoals{"minimize", "maximize"};
constexpr std::array<std::string_view, 6> kMeasures{"mse", "rmse", "mae", "mape", "smape", "r2"};

// How W&B files name the parts: val_loss, validation_loss, valid/loss, eval_loss, train_loss, ...
struct PartSpelling {
  std::string_view written, part;
};
constexpr std::array<PartSpelling, 8> kParts{{{"val", "val"},
                                              {"valid", "val"},
                                              {"validation", "val"},
                                              {"eval", "val"},
                                              {"train", "train"},
                                              {"training", "train"},
                                              {"test", "test"},
                                              {"", "val"}}};

std::vector<std::string_view> metric_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const char* part : {"train", "val", "test"})
      for (std::string_view measure : kMeasures) all.push_back(std::string(part) + "_" + std::string(measure));
    return all;
  }();
  return {names.begin(), names.end()};
}

// The `loss` every trial trains with, when the file fixes one (default mse); empty when it is swept.
std::string configured_loss(const std::vector<ParameterSpec>& parameters) {
  for (const ParameterSpec& parameter : parameters)
    if (parameter.name == "loss")
      return parameter.values.size() == 1 && parameter.values.front().is_string() ? parameter.values.front().as_string()
                                                                                   : std::string();
  return "mse";
}

struct Alias {
  std::string part, measure;
};

// "val_loss" -> {val, loss}; "loss" -> {val, loss}; "train/rmse" -> {train, rmse}.
std::optional<Alias> split_alias(const std::string& text) {
  for (const PartSpelling& spelling : kParts) {
    const std::string prefix = spelling.written.empty() ? "" : std::string(spelling.written);
    for (char separator : {'_', '/', '.'}) {
      const std::string head = prefix.empty() ? "" : prefix + separator;
      if (!text.starts_with(head)) continue;
      const std::string measure = text.substr(head.size());
      if (measure == "loss" || std::ranges::find(kMeasures, measure) != kMeasures.end())
        return Alias{std::string(spelling.part), measure};
      if (prefix.empty()) break;
    }
  }
  return std::nullopt;
}

std::string loss_metric(const Value& name, const Alias& alias, const std::vector<ParameterSpec>& parameters) {
  const std::string loss = configured_loss(parameters);
  const std::string written = name.as_string();
  const std::string part = alias.part == "train" ? "training" : "validation";
  if (loss.empty())
    fail(name, "metric.name",
         "'" + written + "' means the " + part + " loss of the trained loss function, but `loss` is swept, so "
         "it would compare different measures; name a stored metric such as " + alias.part + "_mse");
  if (loss != "mse")
    fail(name, "metric.name",
         "'" + written + "' means the " + part + " " + loss + " loss, which trials do not store in original "
         "units; name a stored metric such as " + alias.part + "_mse or " + alias.part + "_mae");
  return alias.part + "_mse";
}

std::string resolved_name(const Value& name, const std::vector<ParameterSpec>& parameters) {
  const std::string& text = nonempty_string(name, "metric.name");
  const auto known = metric_names();
  if (std::ranges::find(known, text) != known.end()) return text;
  const auto alias = split_alias(text);
  if (!alias)
    fail(name, "metric.name", "unknown metric '" + text + "'" + did_you_mean(text, known) +
                                  "; expected {train,val}_{mse,rmse,mae,mape,smape,r2}, or val_loss, loss (both the "
                                  "validation loss) or train_loss");
  if (alias->measure == "loss") return loss_metric(name, *alias, parameters);
  return alias->part + "_" + alias->measure;
}

void refuse_test_metric(const Value& name, const std::string& metric) {
  if (!metric.starts_with("test_")) return;
  fail(name, "metric.name",
       metric + " is measured on the test part: choosing hyperparameters by it leaks the test data into the "
                "selection and its score is no longer an honest estimate; optimise val_" + metric.substr(5) +
                " and read " + metric + " in the results");
}

bool higher_is_better(const std::string& metric) { return metric.ends_with("_r2"); }

bool checked_goal(const Value* goal, const Metric& metric, const Value& block) {
  const std::string text = goal ? nonempty_string(*goal, "metric.goal") : "minimize";
  if (goal && std::ranges::find(kGoals, text) == kGoals.end())
    fail(*goal, "metric.goal", "expected minimize or maximize, got '" + text + "'" + did_you_mean(text, kGoals));
  const bool maximize = text == "maximize";
  if (maximize && !higher_is_better(metric.name))
    fail(*goal, "metric.goal", metric.name + " is an error (lower is better); maximize would pick the worst model. "
                               "R squared (val_r2) is the metric to maximise");
  if (!maximize && higher_is_better(metric.name))
    fail(goal ? *goal : block, "metric.goal", metric.name + " is R squared (higher is better); write goal: maximize" +
                                                  std::string(goal ? "" : " (W&B's default goal is minimize)"));
  return maximize;
}

double checked_target(const Value& target, const Metric& metric) {
  const double value = finite_number(target, "metric.target");
  if (!metric.maximize && value < 0) fail(target, "metric.target", "errors are never negative; got " + target.to_string());
  if (metric.maximize && value > 1) fail(target, "metric.target", "R squared is at most 1; got " + target.to_string());
  return value;
}

// W&B imputes a failed run's metric for bayes; vmsweep always counts failed trials as the worst.
void check_impute(const Value& block, std::vector<std::string>& warnings) {
  if (const Value* impute = block.find("impute")) {
    const std::string& text = nonempty_string(*impute, "metric.impute");
    if (text != "worst")
      fail(*impute, "metric.impute", "'" + text + "' is not supported: a failed trial always counts as the worst " +
                                         "(impute: worst, W&B's default)");
  }
  const Value* running = block.find("impute_while_running");
  if (running && !(running->is_string() && running->as_string() == "worst"))
    warnings.push_back(running->mark().to_string() + ": key 'metric.impute_while_running': ignored; bayes counts a " +
                       "configuration still running as the worst (a constant liar), as impute_while_running: worst");
}

}  // namespace

bool Metric::reached(double value) const {
  return target && !std::isnan(value) && (maximize ? value >= *target : value <= *target);
}

Metric parse_metric(const Value& block, const std::vector<ParameterSpec>& parameters, std::vector<std::string>& readings,
                    std::vector<std::string>& warnings) {
  require_map(block, "metric");
  check_keys(block, kMetricKeys, "metric");
  Metric metric;
  const Value* name = block.find("name");
  if (!name) fail(block, "metric", "expected a name, e.g. {name: val_mse, goal: minimize}");
  metric.name = resolved_name(*name, parameters);
  refuse_test_metric(*name, metric.name);
  if (metric.name != name->as_string()) {
    metric.written = name->as_string();
    const std::string part = metric.name.starts_with("train_") ? "training" : "validation";
    readings.push_back(name->mark().to_string() + ": key 'metric.name': '" + metric.written + "' read as " + metric.name +
                       " (" + metric.name.substr(metric.name.find('_') + 1) + " on the " + part + " part, in original units)");
  }
  metric.maximize = checked_goal(block.find("goal"), metric, block);
  if (const Value* target = block.find("target")) metric.target = checked_target(*target, metric);
  check_impute(block, warnings);
  return metric;
}

}  // namespace vmsweep::sweep
