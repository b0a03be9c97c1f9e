#include "vmsweep/train/global_trial.hpp"

#include <span>

#include "model_config.hpp"
#include "split_metrics.hpp"
#include "thread_budget.hpp"
#include "trainer.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/eval/metrics.hpp"
#include "vmsweep/train/baseline_scores.hpp"
#include "vmsweep/train/forecast_scores.hpp"
#include "vmsweep/train/predictor.hpp"
#include "vmsweep/train/trial_data.hpp"
#include "window_forecast.hpp"

namespace vmsweep::train {

namespace {

struct Trace {
  TrainSettings settings;
  data::PreparedData data;
  eval::Forecast forecast;
};

void refuse_single_trace_levers(const TrainSettings& settings) {
  const char* lever = settings.refit ? "refit" : settings.val_folds > 1 ? "val_folds" : nullptr;
  if (!lever) return;
  throw InputError(settings.params.find(lever)->mark(),
                   std::string(lever) + " is not available with fleet: global (it retrains on one trace's windows)");
}

std::vector<Trace> prepare_traces(const Value& params, ThreadBudget& budget) {
  std::vector<Trace> traces;
  for (const Value& trace_params : per_trace_params(params)) {
    TrainSettings settings = settings_from_params(trace_params);
    refuse_single_trace_levers(settings);
    data::PreparedData data = budget.run_in_arena([&] { return prepare_trial_data(settings); });
    traces.push_back({std::move(settings), std::move(data), {}});
  }
  return traces;
}

// The windows of `part` of every trace, actual and predicted in each trace's scaled units.
eval::Forecast pooled_scaled(const std::vector<Trace>& traces, data::Split part) {
  eval::Forecast pooled;
  for (const Trace& trace : traces) {
    const data::WindowRange range = trace.data.range(part);
    const std::size_t horizon = static_cast<std::size_t>(trace.data.windows().horizon);
    const data::Scaler& scaler = trace.data.scaler();
    for (std::size_t i = range.first * horizon; i < range.end() * horizon; ++i) {
      pooled.actual.push_back((trace.forecast.actual[i] - scaler.offset()) / scaler.scale());
      pooled.predicted.push_back((trace.forecast.predicted[i] - scaler.offset()) / scaler.scale());
    }
  }
  return pooled;
}

Metrics pooled_metrics(const std::vector<Trace>& traces) {
  Metrics metrics;
  for (data::Split part : {data::Split::train, data::Split::val, data::Split::test}) {
    const eval::Forecast pooled = pooled_scaled(traces, part);
    if (!pooled.actual.empty()) add_metrics(metrics, data::split_name(part), eval::score(pooled.actual, pooled.predicted));
  }
  return metrics;
}

TraceScores scores_of(const Trace& trace) {
  TraceScores scores{trace.settings.data.path.string(), split_metrics(trace.data, trace.forecast),
                     to_predictions(trace.data, trace.forecast)};
  add_interval_metrics(scores.metrics, scores.predictions, trace.settings.horizon);
  return scores;
}

void score_every_trace(model::LstmStack& model, std::vector<Trace>& traces, TrialResult& result) {
  for (Trace& trace : traces) {
    trace.forecast = forecast_every_window(model, trace.data);
    result.per_trace.push_back(scores_of(trace));
  }
  result.metrics = pooled_metrics(traces);
}

}  // namespace

bool is_global_trial(const Value& params) {
  const Value* path = params.is_map() ? params.find("path") : nullptr;
  return path && path->is_list();
}

std::vector<Value> per_trace_params(const Value& params) {
  std::vector<Value> traces;
  for (const Value& path : params.find("path")->as_list("path")) {
    traces.push_back(params);
    traces.back().set("path", path);
  }
  if (traces.empty()) throw InputError(params.find("path")->mark(), "key 'path': expected at least one trace, got []");
  return traces;
}

Value first_trace_params(const Value& params) {
  return is_global_trial(params) ? per_trace_params(params).front() : params;
}

std::vector<TrialResult> per_trace_views(const TrialResult& global) {
  std::vector<TrialResult> views;
  if (global.per_trace.empty() || !is_global_trial(global.params)) return views;
  // What every trace shares: the run (status, epochs, curve, seconds); not the pooled metrics, the
  // per-trace list or the model (read only from the trial itself).
  TrialResult shared = global;
  shared.per_trace.clear();
  shared.model.reset();
  shared.metrics.clear();
  shared.predictions = {};
  const std::vector<Value> params = per_trace_params(global.params);
  for (std::size_t index = 0; index < global.per_trace.size() && index < params.size(); ++index) {
    TrialResult& view = views.emplace_back(shared);
    view.params = params[index];
    view.trace = global.per_trace[index].trace;
    view.metrics = global.per_trace[index].metrics;
    view.predictions = global.per_trace[index].predictions;
  }
  return views;
}

ModelOnTrace model_on_trace(const Checkpoint& model, const std::filesystem::path& trace, int threads) {
  if (!is_global_trial(model.params)) return {model, {}};
  ThreadBudget budget(threads);  // the trial's: its outputs bitwise on the traces it learned from
  Value params = first_trace_params(model.params);
  params.set("path", trace.string());
  const TrainSettings settings = settings_from_params(params);
  const data::PreparedData data = budget.run_in_arena([&] { return prepare_trial_data(settings); });
  ModelOnTrace applied{model, {}};
  applied.model.params = params;
  set_scalers(applied.model, data);
  applied.predictions = Predictor(applied.model).predict(data);
  applied.model.calibration = calibration_of(applied.predictions, settings.horizon).abs_errors;
  return applied;
}

// The model and its checkpoint keep the first trace's settings (all traces share them but for the
// path) and the whole list as the path: the parameters it was trained with.
void train_global(const Value& params, int threads, const EpochCallback& on_epoch, TrialResult& result) {
  ThreadBudget budget(threads);
  std::vector<Trace> traces = prepare_traces(params, budget);
  const TrainSettings& settings = traces.front().settings;
  result.params = settings.params;
  result.params.set("path", *params.find("path"));
  result.seed = settings.seed;
  std::vector<const data::PreparedData*> data;
  for (const Trace& trace : traces) data.push_back(&trace.data);
  model::LstmStack model(model_config_for(settings, traces.front().data.input_channels()));
  take_outcome(Trainer::pooled(settings, model, data).run(on_epoch), result);
  if (result.status == TrialStatus::diverged) return;
  score_every_trace(model, traces, result);
  result.model = make_checkpoint(result.params, traces.front().data, result.best_epoch, model);
}

}  // namespace vmsweep::train
