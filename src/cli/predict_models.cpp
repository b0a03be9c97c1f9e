#include "predict_models.hpp"

#include <algorithm>
#include <map>

#include "vmsweep/common/error.hpp"
#include "vmsweep/train/forecast_scores.hpp"
#include "vmsweep/train/global_trial.hpp"
#include "vmsweep/train/mean_predictions.hpp"

namespace vmsweep::cli {

namespace {

std::string id_list(const std::set<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : ", ") + id;
  return text.empty() ? "none" : text;
}

io::KeptModels kept_models(const io::SweepReader& results) {
  std::optional<io::KeptModels> kept = results.kept_models();
  if (!kept)
    throw InputError(results.file().string() + ": no kept models (the results were written by a vmsweep that kept "
                     "none; rerun the sweep, or `vmsweep aggregate` it if its trial files hold models)");
  return *kept;
}

// A local fleet has a model per trace: the best trial of the trace whose file is `trace`.
std::string trace_best(const std::vector<io::StoredTrial>& trials, const std::map<std::string, std::string>& best,
                       const std::filesystem::path& trace, const std::string& file) {
  std::error_code error;
  const std::filesystem::path wanted = std::filesystem::weakly_canonical(trace, error);
  for (const io::StoredTrial& trial : trials) {
    const Value* path = trial.result.params.find("path");
    if (!path || !path->is_string() || std::filesystem::weakly_canonical(path->as_string(), error) != wanted) continue;
    const auto found = best.find(trial.result.trace);
    if (found != best.end()) return found->second;
  }
  throw InputError("--data " + trace.string() + ": " + file + " is a fleet with a model per trace (fleet: local), and " +
                   "this file is none of its " + std::to_string(best.size()) + " traces: give one of them, or a trial (--trial)");
}

std::vector<std::string> chosen_ids(const io::KeptModels& kept, const std::vector<io::StoredTrial>& trials,
                                    const io::SweepMeta& meta, const std::string& trial, const std::string& ensemble,
                                    const std::filesystem::path& trace, const std::string& file) {
  if (!trial.empty()) return {trial};
  const std::map<std::string, std::string> per_trace = io::best_per_trace(trials, meta);
  if (!per_trace.empty() && !ensemble.empty())
    throw InputError("--ensemble " + ensemble + ": " + file + " is a fleet with a model per trace; its ensembles mix traces");
  if (!per_trace.empty()) return {trace_best(trials, per_trace, trace, file)};
  if (ensemble.empty()) {
    if (kept.members.best.empty()) throw InputError(file + ": no trial finished with the sweep's metric: nothing to predict with");
    return {kept.members.best};
  }
  const std::vector<std::string>& ids = ensemble == "seed_mean" ? kept.members.seed_mean : kept.members.top_k;
  if (ids.empty())
    throw InputError("--ensemble " + ensemble + ": " + file + " has no such ensemble" +
                     (ensemble == "seed_mean" ? " (no configuration ran with more than one seed; see `repeats`)" : ""));
  return ids;
}

train::ForecastMember kept_member(const io::SweepReader& results, const io::KeptModels& kept,
                                  const std::vector<io::StoredTrial>& trials, const std::string& id) {
  std::optional<Checkpoint> model = results.model(id);  // InputError for an unknown id
  if (!model)
    throw InputError(results.file().string() + ": trial " + id + " has no kept model (models kept: trials " +
                     id_list(kept.ids) + "; it failed or diverged, or the sweep kept only the best and the ensembles')");
  const auto trial = std::find_if(trials.begin(), trials.end(), [&](const io::StoredTrial& t) { return t.id == id; });
  return {std::move(*model), trial == trials.end() ? 1 : trial->result.threads};
}

eval::Calibration ensemble_calibration(const io::SweepReader& results, const std::vector<std::string>& ids,
                                       const std::vector<train::ForecastMember>& members) {
  std::vector<Predictions> predictions;
  for (const std::string& id : ids) predictions.push_back(results.trial(id).result.predictions);
  return train::calibration_of(train::mean_predictions(predictions), train::trained_horizon(members));
}

// A global model (`fleet: global`) is applied to the trace as training applied it to each of its own
// (train::model_on_trace): its scalers and calibration become the trace's. Returns those members'
// predictions of the trace's windows; empty when no member is global.
std::vector<Predictions> apply_to_trace(std::vector<train::ForecastMember>& members, const std::filesystem::path& trace) {
  std::vector<Predictions> on_trace;
  for (train::ForecastMember& member : members) {
    train::ModelOnTrace applied = train::model_on_trace(member.model, trace, member.threads);
    if (applied.predictions.predicted.empty()) continue;
    member.model = std::move(applied.model);
    on_trace.push_back(std::move(applied.predictions));
  }
  return on_trace;
}

}  // namespace

PredictionModels prediction_models(const io::SweepReader& results, const std::string& trial, const std::string& ensemble,
                                   const std::filesystem::path& trace) {
  const io::KeptModels kept = kept_models(results);
  PredictionModels models;
  const std::vector<io::StoredTrial> trials = results.trials();  // summaries: each trial's thread count and trace
  models.ids = chosen_ids(kept, trials, results.meta(), trial, ensemble, trace, results.file().string());
  models.label = ensemble.empty() ? "trial " + models.ids.front() : ensemble;
  for (const std::string& id : models.ids) models.members.push_back(kept_member(results, kept, trials, id));
  const std::vector<Predictions> on_trace = apply_to_trace(models.members, trace);
  if (models.members.size() == 1) models.calibration = eval::Calibration{models.members.front().model.calibration};
  else if (!on_trace.empty()) models.calibration = train::calibration_of(train::mean_predictions(on_trace), train::trained_horizon(models.members));
  else models.calibration = ensemble_calibration(results, models.ids, models.members);
  return models;
}

}  // namespace vmsweep::cli
