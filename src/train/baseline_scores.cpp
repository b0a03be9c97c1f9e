#include "vmsweep/train/baseline_scores.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>

#include "validation_folds.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/data/prepare.hpp"
#include "vmsweep/eval/baselines.hpp"
#include "vmsweep/eval/exp_smoothing.hpp"
#include "vmsweep/eval/ridge_ar.hpp"
#include "vmsweep/eval/step_scores.hpp"
#include "vmsweep/train/forecast_scores.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::train {

namespace {

constexpr std::size_t kMaxWindowShapes = 12;  // a bound on the trace preparations one call makes

struct WindowShape {
  Value data_block;  // identifies the data: the fields as given
  data::DataSpec spec;
  data::WindowSpec windows;
  int val_folds = 1;  // the trials' validation periods: the baselines' val metrics average the same

  friend bool operator==(const WindowShape& a, const WindowShape& b) {
    return a.data_block == b.data_block && a.windows.look_back == b.windows.look_back &&
           a.windows.horizon == b.windows.horizon && a.val_folds == b.val_folds;
  }
};

// The pooled metrics of a part, and with a horizon over 1 those of each step ahead.
void add_part_metrics(Metrics& out, const std::string& part, const eval::Forecast& forecast, int horizon) {
  add_metrics(out, part, forecast.score());
  const std::vector<std::int32_t> steps = eval::window_major_steps(forecast.actual.size(), horizon);
  add_step_metrics(out, part, eval::score_by_step(forecast.actual, forecast.predicted, steps, horizon));
}

// `predict(part)` gives the baseline's forecast of a split's windows.
template <typename Predict>
BaselineScore score(std::string method, std::string detail, const data::WindowSpec& windows, Predict predict) {
  BaselineScore s{std::move(method), std::move(detail), windows.look_back, windows.horizon, {}};
  add_part_metrics(s.metrics, "val", predict(data::Split::val), windows.horizon);
  add_part_metrics(s.metrics, "test", predict(data::Split::test), windows.horizon);
  return s;
}

// A setting chosen on validation, shown the way the report labels it (e.g. "lambda 0.001").
std::string setting_text(const char* name, double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s %g", name, value);
  return buffer;
}

// Every baseline fitted on `data`'s training windows (penalties and weights chosen on its validation
// windows), scored on its validation and test windows.
std::vector<BaselineScore> scores_on(const data::PreparedData& data, const data::WindowSpec& windows) {
  std::vector<BaselineScore> out;
  out.push_back(score("persistence", "", windows, [&](data::Split part) { return eval::persistence(data, part); }));
  const std::size_t season = data.season_steps();
  out.push_back(score("seasonal_naive", "season " + std::to_string(season) + " steps", windows,
                      [&](data::Split part) { return eval::seasonal_naive(data, part, season); }));
  const eval::RidgeAr ridge = eval::select_ridge_ar(data);
  out.push_back(score("ridge_ar", setting_text("lambda", ridge.lambda), windows,
                      [&](data::Split part) { return ridge.predict(data, part); }));
  const eval::ExpSmoothing ses = eval::select_exp_smoothing(data);
  out.push_back(score("ses", setting_text("alpha", ses.alpha), windows,
                      [&](data::Split part) { return ses.predict(data, part); }));
  return out;
}

// With val_folds the trials' val metrics are means over rolling-origin folds (validation_folds.hpp);
// so are the baselines', each fold refitted on the windows before its validation period, else the
// guard and the leaderboard would compare one period's luck with a mean. Test metrics and the
// setting shown are the data's own (fold 0's), as a trial's.
void average_validation_over_folds(const data::PreparedData& data, const data::WindowSpec& windows, int val_folds,
                                   std::vector<BaselineScore>& scores) {
  for (int fold = 1; fold < val_folds; ++fold) {
    const FoldRanges ranges = fold_ranges(data, fold);
    const std::vector<BaselineScore> on_fold = scores_on(data.with_parts(ranges.train, ranges.val), windows);
    for (std::size_t row = 0; row < scores.size(); ++row)
      for (auto& [name, value] : scores[row].metrics)
        if (name.starts_with("val_"))
          value += std::ranges::find(on_fold[row].metrics, name, &Metrics::value_type::first)->second;
  }
  for (BaselineScore& row : scores)
    for (auto& [name, value] : row.metrics)
      if (name.starts_with("val_")) value /= val_folds;
}

void score_shape(const WindowShape& shape, std::vector<BaselineScore>& out) {
  const data::WindowSpec windows{shape.windows.look_back, shape.windows.horizon, shape.spec.stride};
  const data::PreparedData data = data::prepare(shape.spec, windows);
  std::vector<BaselineScore> scores = scores_on(data, windows);
  if (shape.val_folds > 1) average_validation_over_folds(data, windows, shape.val_folds, scores);
  out.insert(out.end(), std::make_move_iterator(scores.begin()), std::make_move_iterator(scores.end()));
}

std::vector<WindowShape> distinct_shapes(const std::vector<Value>& trial_params) {
  std::vector<WindowShape> shapes;
  for (const Value& params : trial_params) {
    try {
      const TrainSettings settings = settings_from_params(params);
      WindowShape shape{settings.data_block, settings.data, {settings.look_back, settings.horizon, 1},
                        std::max(1, settings.val_folds)};
      if (std::find(shapes.begin(), shapes.end(), shape) == shapes.end()) shapes.push_back(std::move(shape));
    } catch (const InputError&) {
      continue;  // a trial that failed on its parameters has no windows
    }
    if (shapes.size() == kMaxWindowShapes) break;
  }
  return shapes;
}

// Persistence, seasonal naive and SES do not look at the window, and the split fixes the validation
// and test targets for every look-back (fair splits), so their scores repeat: such a row is kept
// once, with look_back 0 ("any"). A row that repeats for the same look-back (a data field the
// baselines do not read, such as season_lags, was swept) is kept once as it is.
void add_unless_repeated(BaselineScore score, std::vector<BaselineScore>& scores) {
  for (BaselineScore& kept : scores) {
    if (kept.method == score.method && kept.detail == score.detail && kept.horizon == score.horizon &&
        kept.metrics == score.metrics) {
      if (kept.look_back != score.look_back) kept.look_back = 0;
      return;
    }
  }
  scores.push_back(std::move(score));
}

// One trace's baselines, on the windows of its trials that did not fail (or of all when all failed).
std::vector<BaselineScore> trace_baselines(const std::vector<const TrialResult*>& trials, std::vector<std::string>& problems) {
  std::vector<Value> ran, all;
  for (const TrialResult* trial : trials) {
    if (trial->status != TrialStatus::failed) ran.push_back(trial->params);
    all.push_back(trial->params);
  }
  return compute_baselines(ran.empty() ? all : ran, problems);
}

}  // namespace

void add_metrics(Metrics& out, const std::string& part, const eval::Metrics& m) {
  const std::pair<const char*, double> named[] = {{"mse", m.mse}, {"rmse", m.rmse}, {"mae", m.mae}, {"mape", m.mape}, {"smape", m.smape}, {"r2", m.r2}};
  for (const auto& [name, value] : named) out.emplace_back(part + "_" + name, value);
}

std::vector<BaselineScore> compute_baselines(const std::vector<Value>& trial_params,
                                             std::vector<std::string>& problems) {
  std::vector<BaselineScore> scores;
  for (const WindowShape& shape : distinct_shapes(trial_params)) {
    try {
      std::vector<BaselineScore> shape_scores;
      score_shape(shape, shape_scores);
      for (BaselineScore& score : shape_scores) add_unless_repeated(std::move(score), scores);
    } catch (const Error& error) {
      problems.push_back("baselines for look_back " + std::to_string(shape.windows.look_back) + ": " + error.what());
    }
  }
  // By look-back (0, "any", first), then horizon; each shape's methods in the order scored.
  std::stable_sort(scores.begin(), scores.end(), [](const BaselineScore& a, const BaselineScore& b) {
    return std::pair(a.look_back, a.horizon) < std::pair(b.look_back, b.horizon);
  });
  return scores;
}

std::string baseline_choice_metric(const std::string& sweep_metric) {
  return sweep_metric.starts_with("val_") ? sweep_metric : "val_mse";
}

const BaselineScore* baseline_chosen_on_validation(const std::vector<BaselineScore>& rows, const std::string& method,
                                                   const std::string& metric, bool maximize) {
  const double sign = maximize ? -1.0 : 1.0;
  const BaselineScore* chosen = nullptr;
  double best = 0;
  for (const BaselineScore& row : rows) {
    const double* value = find_metric(row.metrics, metric);
    if (row.method != method || !value || !std::isfinite(*value)) continue;
    if (!chosen || sign * *value < best) chosen = &row, best = sign * *value;
  }
  return chosen;
}

std::vector<BaselineScore> compute_sweep_baselines(const std::vector<const TrialResult*>& trials,
                                                   std::vector<std::string>& problems) {
  std::map<std::string, std::vector<const TrialResult*>> by_trace;
  for (const TrialResult* trial : trials) by_trace[trial->trace].push_back(trial);
  std::vector<BaselineScore> scores;
  for (const auto& [trace, trace_trials] : by_trace) {
    std::vector<std::string> trace_problems;
    for (BaselineScore& score : trace_baselines(trace_trials, trace_problems)) {
      score.trace = trace;
      scores.push_back(std::move(score));
    }
    const std::string prefix = by_trace.size() > 1 ? "trace " + trace + ": " : "";
    for (std::string& problem : trace_problems) problems.push_back(prefix + problem);
  }
  return scores;
}

}  // namespace vmsweep::train
