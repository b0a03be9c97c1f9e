#include "report_ensemble.hpp"

#include <algorithm>

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

}  // namespace

std::vector<BaselineScore> ensemble_scores(const SweepResults& results, std::size_t top_k) {
  std::vector<BaselineScore> scores;
  if (ranked_trials(results).size() < 2) return scores;
  const io::EnsembleMembers members = io::choose_members(results.trials(), results.meta(), top_k);
  if (!members.seed_mean.empty())
    scores.push_back({"seed_mean", std::to_string(members.seed_mean.size()) + " seeds: trials " + id_list(members.seed_mean), 0,
                      0, mean_forecast_metrics(results, members.seed_mean)});
  scores.push_back({"top_" + std::to_string(members.top_k.size()), "mean of trials " + id_list(members.top_k), 0, 0,
                    mean_forecast_metrics(results, members.top_k)});
  return scores;
}

}  // namespace vmsweep::cli
