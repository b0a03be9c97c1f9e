#include "report_ensemble.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "vmsweep/eval/metrics.hpp"

namespace vmsweep::cli {

namespace {

using Key = std::tuple<int, std::int64_t, std::int32_t>;  // split, time, horizon step

struct Pooled {
  double actual = 0, predicted_sum = 0;
  std::size_t members = 0;
};

// The mean validation and test prediction of `ids`, scored on the points every member predicted.
Metrics mean_forecast_metrics(const SweepResults& results, const std::vector<std::string>& ids) {
  std::map<Key, Pooled> pool;
  for (const std::string& id : ids) {
    const Predictions p = results.trial(id).result.predictions;
    for (std::size_t i = 0; i < p.actual.size(); ++i) {
      if (p.split[i] == SplitPart::train) continue;
      Pooled& point = pool[{static_cast<int>(p.split[i]), p.timestamp_ms[i], p.horizon_step[i]}];
      point.actual = p.actual[i];
      point.predicted_sum += p.predicted[i];
      ++point.members;
    }
  }
  std::vector<double> actual[3], predicted[3];
  for (const auto& [key, point] : pool) {
    if (point.members != ids.size()) continue;
    actual[std::get<0>(key)].push_back(point.actual);
    predicted[std::get<0>(key)].push_back(point.predicted_sum / static_cast<double>(ids.size()));
  }
  Metrics metrics;
  for (int part : {1, 2}) {
    if (actual[part].empty()) continue;
    add_metrics(metrics, part == 1 ? "val" : "test", eval::score(actual[part], predicted[part]));
  }
  return metrics;
}

Value without_seed(Value params) {
  if (params.is_map()) std::erase_if(params.as_map(), [](const auto& entry) { return entry.first == "seed"; });
  return params;
}

// Trial ids per configuration, configurations in the order of their best trial.
std::vector<std::vector<std::string>> configurations(const std::vector<const io::StoredTrial*>& ranked) {
  std::vector<std::pair<Value, std::vector<std::string>>> groups;
  for (const io::StoredTrial* trial : ranked) {
    Value config = without_seed(trial->result.params);
    auto found = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == config; });
    if (found == groups.end()) found = groups.insert(groups.end(), {std::move(config), {}});
    found->second.push_back(trial->id);
  }
  std::vector<std::vector<std::string>> ids;
  for (auto& group : groups) ids.push_back(std::move(group.second));
  return ids;
}

std::string id_list(const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : " ") + id;
  return text;
}

// The mean of the sweep's metric over a configuration's repeats, lower is better: the number TPE
// and the leaderboard go by (with val_folds, a mean over validation periods the predictions lack).
double mean_sweep_metric(const SweepResults& results, const std::vector<std::string>& ids) {
  double sum = 0.0;
  for (const std::string& id : ids) {
    const std::optional<double> value = sweep_metric(results.trial(id), results.meta());
    if (!value) return std::numeric_limits<double>::infinity();
    sum += results.meta().metric_goal == "maximize" ? -*value : *value;
  }
  return sum / static_cast<double>(ids.size());
}

std::optional<BaselineScore> best_seed_mean(const SweepResults& results, const std::vector<const io::StoredTrial*>& ranked) {
  const std::vector<std::vector<std::string>> groups = configurations(ranked);
  const std::vector<std::string>* best = nullptr;
  double best_score = std::numeric_limits<double>::infinity();
  for (const auto& ids : groups) {
    if (ids.size() < 2) continue;
    const double score = mean_sweep_metric(results, ids);
    if (!best || score < best_score) {
      best = &ids;
      best_score = score;
    }
  }
  if (!best) return std::nullopt;
  return BaselineScore{"seed_mean", std::to_string(best->size()) + " seeds: trials " + id_list(*best), 0, 0,
                       mean_forecast_metrics(results, *best)};
}

}  // namespace

std::vector<BaselineScore> ensemble_scores(const SweepResults& results, std::size_t top_k) {
  const std::vector<const io::StoredTrial*> ranked = ranked_trials(results);
  std::vector<BaselineScore> scores;
  if (ranked.size() < 2) return scores;
  if (std::optional<BaselineScore> seed_mean = best_seed_mean(results, ranked)) scores.push_back(std::move(*seed_mean));
  std::vector<std::string> top;
  for (std::size_t i = 0; i < ranked.size() && i < top_k; ++i) top.push_back(ranked[i]->id);
  scores.push_back({"top_" + std::to_string(top.size()), "mean of trials " + id_list(top), 0, 0,
                    mean_forecast_metrics(results, top)});
  return scores;
}

}  // namespace vmsweep::cli
