#include "vmsweep/io/ensembles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vmsweep::io {

namespace {

Value without_seed(Value params) {
  if (params.is_map()) std::erase_if(params.as_map(), [](const auto& entry) { return entry.first == "seed"; });
  return params;
}

// Trial ids per configuration, configurations in the order of their best trial.
std::vector<std::vector<std::string>> configurations(const std::vector<const StoredTrial*>& ranked) {
  std::vector<std::pair<Value, std::vector<std::string>>> groups;
  for (const StoredTrial* trial : ranked) {
    Value config = without_seed(trial->result.params);
    auto found = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == config; });
    if (found == groups.end()) found = groups.insert(groups.end(), {std::move(config), {}});
    found->second.push_back(trial->id);
  }
  std::vector<std::vector<std::string>> ids;
  for (auto& group : groups) ids.push_back(std::move(group.second));
  return ids;
}

// The mean of the sweep's metric over a configuration's repeats, lower is better.
double mean_sweep_metric(const std::vector<const StoredTrial*>& ranked, const std::vector<std::string>& ids,
                         const SweepMeta& meta) {
  double sum = 0.0;
  for (const std::string& id : ids) {
    const auto trial = std::find_if(ranked.begin(), ranked.end(), [&](const StoredTrial* t) { return t->id == id; });
    const double value = *sweep_metric(**trial, meta);
    sum += meta.metric_goal == "maximize" ? -value : value;
  }
  return sum / static_cast<double>(ids.size());
}

std::vector<std::string> best_seed_mean(const std::vector<const StoredTrial*>& ranked, const SweepMeta& meta) {
  std::vector<std::string> best;
  double best_score = std::numeric_limits<double>::infinity();
  for (std::vector<std::string>& ids : configurations(ranked)) {
    if (ids.size() < 2) continue;
    const double score = mean_sweep_metric(ranked, ids, meta);
    if (best.empty() || score < best_score) {
      best = std::move(ids);
      best_score = score;
    }
  }
  return best;
}

}  // namespace

std::optional<double> sweep_metric(const StoredTrial& trial, const SweepMeta& meta) {
  const double* value = trial.result.metric(meta.metric);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return *value;
}

std::vector<const StoredTrial*> ranked_trials(const std::vector<StoredTrial>& trials, const SweepMeta& meta) {
  std::vector<const StoredTrial*> ranked;
  for (const auto& trial : trials)
    if (sweep_metric(trial, meta)) ranked.push_back(&trial);
  const bool maximize = meta.metric_goal == "maximize";
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto* a, const auto* b) {
    const double x = *sweep_metric(*a, meta), y = *sweep_metric(*b, meta);
    return maximize ? x > y : x < y;
  });
  return ranked;
}

EnsembleMembers choose_members(const std::vector<StoredTrial>& trials, const SweepMeta& meta, std::size_t top_k) {
  const std::vector<const StoredTrial*> ranked = ranked_trials(trials, meta);
  EnsembleMembers members;
  if (ranked.empty()) return members;
  members.best = ranked.front()->id;
  members.seed_mean = best_seed_mean(ranked, meta);
  for (std::size_t i = 0; i < ranked.size() && i < top_k; ++i) members.top_k.push_back(ranked[i]->id);
  return members;
}

const StoredTrial* best_finished(const std::vector<const StoredTrial*>& trials, const SweepMeta& meta) {
  const double sign = meta.metric_goal == "maximize" ? -1.0 : 1.0;
  const StoredTrial* best = nullptr;
  for (const StoredTrial* trial : trials) {
    const TrialStatus status = trial->result.status;
    const std::optional<double> value = sweep_metric(*trial, meta);
    if ((status != TrialStatus::ok && status != TrialStatus::stopped) || !value) continue;
    if (!best || sign * *value < sign * *sweep_metric(*best, meta)) best = trial;
  }
  return best;
}

std::map<std::string, std::string> best_per_trace(const std::vector<StoredTrial>& trials, const SweepMeta& meta) {
  std::map<std::string, std::vector<const StoredTrial*>> by_trace;
  for (const StoredTrial& trial : trials) by_trace[trial.result.trace].push_back(&trial);
  std::map<std::string, std::string> best;
  if (by_trace.size() < 2) return best;
  for (const auto& [trace, trace_trials] : by_trace)
    if (const StoredTrial* answer = best_finished(trace_trials, meta)) best.emplace(trace, answer->id);
  return best;
}

}  // namespace vmsweep::io
