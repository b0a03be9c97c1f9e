#include "vmsweep/dist/sweep_check.hpp"

#include <algorithm>
#include <optional>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/regular_file.hpp"
#include "vmsweep/train/parameters.hpp"
#include "vmsweep/train/trial_data.hpp"

namespace vmsweep::dist {

namespace {

std::int64_t checked_count(const sweep::SweepSpec& spec) {
  const std::int64_t wanted = spec.method == sweep::Method::bayes ? std::max(spec.bayes.n_startup, 1) : kCheckedTrials;
  return std::min(wanted, sweep::trial_count(spec));
}

std::string data_key(const train::TrainSettings& settings) {
  return settings.data_block.to_json() + " look_back " + std::to_string(settings.look_back) + " horizon " +
         std::to_string(settings.horizon);
}

double step_flops(const train::CalibrationModel& model) {
  return train::flops_per_epoch(model.settings, {static_cast<std::size_t>(model.settings.batch_size), 0, model.input_channels});
}

// Keeps the models with the fewest and the most FLOPs per step: [lightest, heaviest].
void keep_extremes(std::vector<train::CalibrationModel>& extremes, const train::TrainSettings& settings, int channels) {
  train::CalibrationModel model{settings, channels};
  if (extremes.empty()) {
    extremes = {model, model};
    return;
  }
  if (step_flops(model) < step_flops(extremes.front())) extremes.front() = model;
  if (step_flops(model) > step_flops(extremes.back())) extremes.back() = model;
}

TargetPeriod period_of(const data::PreparedData& prepared, data::Split part) {
  const auto [first, last] = prepared.target_period(part);
  return {prepared.timestamps_ms()[first], prepared.timestamps_ms()[last]};
}

DataShape shape_of(const train::TrainSettings& settings) {
  const data::PreparedData prepared = train::prepare_trial_data(settings);
  return {settings.data.path.string(),
          prepared.report().steps,
          prepared.range(data::Split::train).count,
          prepared.range(data::Split::val).count,
          prepared.range(data::Split::test).count,
          prepared.input_channels(),
          period_of(prepared, data::Split::train),
          period_of(prepared, data::Split::val),
          period_of(prepared, data::Split::test)};
}

// What a problem is reported against: "trial #3 look_back=126" or "edge check (look_back 126, its highest)".
std::string trial_label(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview) {
  if (!preview.probe.empty()) return "edge check (" + preview.probe + ")";
  std::string label = "trial #" + std::to_string(preview.trial.id);
  for (const sweep::ParameterSpec& parameter : spec.parameters)
    if (!parameter.is_discrete() || parameter.values.size() > 1)
      label += " " + parameter.name + "=" + preview.config.find(parameter.name)->to_string();
  return label;
}

// A problem that only some trials have names the trial.
template <typename Check>
auto naming_the_trial(const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview, Check check) {
  try {
    return check();
  } catch (const InputError& e) {
    throw InputError(spec.path.string() + ": " + trial_label(spec, preview) + ": " + e.what());
  }
}

void check_trial(SweepCheck& check, const sweep::SweepSpec& spec, const sweep::PreviewTrial& preview,
                 const CheckedTrialVisitor& visit) {
  const train::TrainSettings settings =
      naming_the_trial(spec, preview, [&] { return train::settings_from_params(preview.trial.params); });
  const std::string key = data_key(settings);
  auto data = check.data.find(key);
  if (data == check.data.end())
    data = check.data.emplace(key, naming_the_trial(spec, preview, [&] { return shape_of(settings); })).first;
  if (preview.probe.empty()) {
    keep_extremes(check.extreme_models, settings, data->second.input_channels);
    check.checked_work += train::trial_work(settings, {data->second.train_windows, data->second.val_windows, data->second.input_channels});
  }
  if (visit) visit({preview, settings, data->second});
}

// The first trials and the edge probes of `spec` (the sweep, or one trace of a fleet).
void check_trials(SweepCheck& check, const sweep::SweepSpec& spec, const CheckedTrialVisitor& visit) {
  for (const sweep::PreviewTrial& preview : sweep::first_trials(spec, checked_count(spec))) {
    check_trial(check, spec, preview, visit);
    ++check.trials;
  }
  for (const sweep::PreviewTrial& preview : sweep::edge_trials(spec)) {
    check_trial(check, spec, preview, {});
    ++check.edges;
  }
}

std::string bad_traces_text(const std::vector<sweep::SkippedTrace>& bad) {
  std::string text;
  for (const sweep::SkippedTrace& trace : bad) text += "\n  trace " + trace.id + ": " + trace.reason;
  return text;
}

// A trace's reason without the sweep file's name, which the message around it gives.
std::string without_file(std::string message, const sweep::SweepSpec& spec) {
  const std::string prefix = spec.path.string() + ": ";
  if (message.starts_with(prefix)) message.erase(0, prefix.size());
  return message;
}

// Bad traces refuse the sweep, naming each, unless data.skip_bad drops them. When no trace can be
// used the problem is rarely the traces' (a look_back too long for all of them): the first
// trace's error is given as it is.
void settle_bad_traces(sweep::SweepSpec& spec, std::vector<sweep::Trace> good, std::vector<sweep::SkippedTrace> bad,
                       const InputError& first_error) {
  if (bad.empty()) return;
  if (good.empty()) throw first_error;
  if (!spec.skip_bad)
    throw InputError(spec.path.string() + ": " + std::to_string(bad.size()) + " of " +
                     std::to_string(spec.traces.size()) + " traces cannot be used (data.skip_bad: true runs the "
                     "sweep on the others):" + bad_traces_text(bad));
  spec.traces = std::move(good);
  spec.skipped = std::move(bad);
  spec.data.set("path", Value(spec.traces.front().path).with_mark(spec.data.find("path")->mark()));
}

// Every trace is checked as a sweep of its own; a trace whose data fails is bad.
void check_fleet(SweepCheck& check, const CheckedTrialVisitor& visit) {
  std::vector<sweep::Trace> good;
  std::vector<sweep::SkippedTrace> bad;
  std::optional<InputError> first_error;
  for (std::size_t index = 0; index < check.spec.traces.size(); ++index) {
    SweepCheck one{sweep::trace_spec(check.spec, index), {}, 0, 0, {}, {}};
    try {
      check_trials(one, one.spec, visit);
    } catch (const InputError& error) {
      bad.push_back({check.spec.traces[index].id, without_file(error.what(), check.spec)});
      if (!first_error) first_error = error;
      continue;
    }
    good.push_back(check.spec.traces[index]);
    check.data.merge(one.data);
    // A global trial trains on every trace: its work is the sum over them, but it is one trial.
    check.trials = check.spec.is_global() ? std::max(check.trials, one.trials) : check.trials + one.trials;
    check.edges = check.spec.is_global() ? std::max(check.edges, one.edges) : check.edges + one.edges;
    check.checked_work += one.checked_work;
    for (const train::CalibrationModel& model : one.extreme_models)
      keep_extremes(check.extreme_models, model.settings, model.input_channels);
  }
  if (first_error) settle_bad_traces(check.spec, std::move(good), std::move(bad), *first_error);
}

}  // namespace

sweep::SweepSpec load_sweep_file(const std::filesystem::path& sweep_file) {
  require_regular_file(sweep_file, "sweep file");
  return sweep::SweepSpec::load(sweep_file, train::all_knobs());
}

train::EpochWindows epoch_windows(const std::map<std::string, DataShape>& shapes, const train::TrainSettings& settings) {
  auto shape = shapes.find(data_key(settings));
  if (shape == shapes.end()) shape = shapes.lower_bound(settings.data_block.to_json() + " ");
  if (shape == shapes.end() || !shape->first.starts_with(settings.data_block.to_json() + " ")) return {1, 0, 1};
  return {shape->second.train_windows, shape->second.val_windows, shape->second.input_channels};
}

SweepCheck check_sweep(sweep::SweepSpec spec, const CheckedTrialVisitor& visit) {
  SweepCheck check{std::move(spec), {}, 0, 0, {}, {}};
  if (check.spec.is_fleet()) check_fleet(check, visit);
  else check_trials(check, check.spec, visit);
  if (check.extreme_models.size() == 2 && step_flops(check.extreme_models.front()) == step_flops(check.extreme_models.back()))
    check.extreme_models.pop_back();
  return check;
}

}  // namespace vmsweep::dist
