#include "report_ensemble.hpp"

#include <optional>

#include "vmsweep/train/guarded_forecast.hpp"

namespace vmsweep::cli {

namespace {

Metrics mean_forecast_metrics(const SweepResults& results, const std::vector<std::string>& ids) {
  std::vector<Predictions> members;
  for (const std::string& id : ids) members.push_back(results.trial(id).result.predictions);
  return train::mean_forecast_metrics(members);
}

std::string id_list(const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : " ") + id;
  return text;
}

}  // namespace

std::optional<GuardedForecast> guarded_forecast(const SweepResults& results, const std::vector<BaselineScore>& baselines) {
  const io::SweepMeta& meta = results.meta();
  std::vector<train::GuardCandidate> candidates;
  for (const io::StoredTrial& trial : results.trials())
    candidates.push_back(train::guard_candidate(trial.id, trial.result.metrics, meta.metric));
  std::optional<train::GuardedChoice> choice =
      train::choose_guarded(std::move(candidates), baselines, meta.metric, meta.metric_goal == "maximize");
  if (!choice) return std::nullopt;
  const BaselineScore& ridge = *choice->ridge;
  const std::string description = train::guarded_description(*choice);
  const std::string margin = std::to_string(static_cast<int>(train::guarded_margin * 100)) + "%";
  if (choice->members.empty())
    return GuardedForecast{{},
                           {"guarded", "no trial beat ridge_ar by " + margin + " on validation: ridge_ar, look-back " +
                                           std::to_string(ridge.look_back) + ", " + ridge.detail,
                            ridge.look_back, ridge.horizon, ridge.metrics, ridge.trace},
                           description};
  BaselineScore score{"guarded", "mean of trials " + id_list(choice->members) + ", each beating ridge_ar by " + margin +
                                     " on validation",
                      0, 0, mean_forecast_metrics(results, choice->members), results.trace()};
  return GuardedForecast{std::move(choice->members), std::move(score), description};
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
