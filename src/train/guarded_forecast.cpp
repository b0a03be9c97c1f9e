#include "vmsweep/train/guarded_forecast.hpp"

#include <algorithm>
#include <cmath>

#include "vmsweep/train/baseline_scores.hpp"
#include "vmsweep/train/forecast_scores.hpp"
#include "vmsweep/train/mean_predictions.hpp"

namespace vmsweep::train {

namespace {

std::optional<double> finite_metric(const Metrics& metrics, const std::string& name) {
  for (const auto& [key, value] : metrics)
    if (key == name && std::isfinite(value)) return value;
  return std::nullopt;
}

}  // namespace

GuardCandidate guard_candidate(std::string id, const Metrics& metrics, const std::string& sweep_metric) {
  return {std::move(id), finite_metric(metrics, sweep_metric), finite_metric(metrics, baseline_choice_metric(sweep_metric))};
}

std::optional<GuardedChoice> choose_guarded(std::vector<GuardCandidate> candidates, const std::vector<BaselineScore>& rows,
                                            const std::string& sweep_metric, bool maximize) {
  const std::string metric = baseline_choice_metric(sweep_metric);
  const BaselineScore* ridge = baseline_chosen_on_validation(rows, "ridge_ar", metric, maximize);
  if (!ridge) return std::nullopt;
  const double sign = maximize ? -1.0 : 1.0;
  const double bar = sign * *finite_metric(ridge->metrics, metric);
  std::erase_if(candidates, [](const GuardCandidate& candidate) { return !candidate.ranking; });
  std::stable_sort(candidates.begin(), candidates.end(), [sign](const GuardCandidate& a, const GuardCandidate& b) {
    return sign * *a.ranking < sign * *b.ranking;
  });
  GuardedChoice choice{{}, ridge};
  for (const GuardCandidate& candidate : candidates) {
    if (choice.members.size() == guarded_members) break;
    if (candidate.validation && sign * *candidate.validation <= bar - guarded_margin * std::abs(bar))
      choice.members.push_back(candidate.id);
  }
  return choice;
}

std::string guarded_description(const GuardedChoice& choice) {
  if (choice.members.empty()) return "ridge_ar (look-back " + std::to_string(choice.ridge->look_back) + ")";
  std::string text = "trials";
  for (const std::string& id : choice.members) text += " " + id;
  return text;
}

namespace {

struct PartRows {
  std::vector<double> actual, predicted;
};

}  // namespace

Metrics mean_forecast_metrics(const std::vector<Predictions>& members) {
  const Predictions mean = mean_predictions(members);
  PartRows parts[3];
  for (std::size_t i = 0; i < mean.actual.size(); ++i) {
    parts[static_cast<int>(mean.split[i])].actual.push_back(mean.actual[i]);
    parts[static_cast<int>(mean.split[i])].predicted.push_back(mean.predicted[i]);
  }
  Metrics metrics;
  for (SplitPart part : {SplitPart::val, SplitPart::test}) {
    const PartRows& rows = parts[static_cast<int>(part)];
    if (!rows.actual.empty()) add_metrics(metrics, to_string(part), eval::score(rows.actual, rows.predicted));
  }
  const int horizon = mean.horizon_step.empty() ? 1 : *std::max_element(mean.horizon_step.begin(), mean.horizon_step.end());
  add_step_metrics(metrics, mean, horizon);
  add_interval_metrics(metrics, mean, horizon);
  return metrics;
}

}  // namespace vmsweep::train
