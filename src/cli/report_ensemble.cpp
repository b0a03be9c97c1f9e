#include "report_ensemble.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "vmsweep/eval/metrics.hpp"
#include "vmsweep/train/forecast_scores.hpp"
#include "vmsweep/train/mean_predictions.hpp"

namespace vmsweep::cli {

namespace {

struct PartRows {
  std::vector<double> actual, predicted;
};

// The pooled metrics of the mean forecast, its error per step ahead and its intervals' coverage,
// scored on the points every member predicted.
Metrics mean_forecast_metrics(const SweepResults& results, const std::vector<std::string>& ids) {
  std::vector<Predictions> members;
  for (const std::string& id : ids) members.push_back(results.trial(id).result.predictions);
  const Predictions mean = train::mean_predictions(members);
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
  train::add_step_metrics(metrics, mean, horizon);
  train::add_interval_metrics(metrics, mean, horizon);
  return metrics;
}

std::string id_list(const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : " ") + id;
  return text;
}

// The trials, best first, whose validation metric beats `ridge`'s by guarded_margin (relative).
std::vector<std::string> trials_beating(const SweepResults& results, const BaselineScore& ridge) {
  const io::SweepMeta& meta = results.meta();
  const std::string metric = validation_metric(meta);
  const double sign = meta.metric_goal == "maximize" ? -1.0 : 1.0;
  const double bar = sign * *find_metric(ridge.metrics, metric);
  std::vector<std::string> ids;
  for (const io::StoredTrial* trial : ranked_trials(results)) {
    const double* value = trial->result.metric(metric);
    if (value && sign * *value <= bar - guarded_margin * std::abs(bar)) ids.push_back(trial->id);
  }
  return ids;
}

}  // namespace

std::optional<GuardedForecast> guarded_forecast(const SweepResults& results, const std::vector<BaselineScore>& baselines) {
  const BaselineScore* ridge = best_ridge_ar_on_validation(baselines, results.meta());
  if (!ridge) return std::nullopt;
  std::vector<std::string> ids = trials_beating(results, *ridge);
  const std::string margin = std::to_string(static_cast<int>(guarded_margin * 100)) + "%";
  if (ids.empty())
    return GuardedForecast{{},
                           {"guarded", "no trial beat ridge_ar by " + margin + " on validation: ridge_ar, look-back " +
                                           std::to_string(ridge->look_back) + ", " + ridge->detail,
                            ridge->look_back, ridge->horizon, ridge->metrics, ridge->trace}};
  if (ids.size() > guarded_members) ids.resize(guarded_members);
  BaselineScore score{"guarded", "mean of trials " + id_list(ids) + ", each beating ridge_ar by " + margin + " on validation",
                      0, 0, mean_forecast_metrics(results, ids), results.trace()};
  return GuardedForecast{std::move(ids), std::move(score)};
}

std::vector<BaselineScore> ensemble_scores(const SweepResults& results, std::size_t top_k,
                                           const std::vector<BaselineScore>& baselines) {
  std::vector<BaselineScore> scores;
  if (ranked_trials(results).size() < 2) return scores;
  const io::EnsembleMembers members = io::choose_members(results.trials(), results.meta(), top_k);
  if (!members.seed_mean.empty())
    scores.push_back({"seed_mean", std::to_string(members.seed_mean.size()) + " seeds: trials " + id_list(members.seed_mean), 0,
                      0, mean_forecast_metrics(results, members.seed_mean)});
  scores.push_back({"top_" + std::to_string(members.top_k.size()), "mean of trials " + id_list(members.top_k), 0, 0,
                    mean_forecast_metrics(results, members.top_k)});
  if (std::optional<GuardedForecast> guarded = guarded_forecast(results, baselines)) scores.push_back(std::move(guarded->score));
  return scores;
}

}  // namespace vmsweep::cli
