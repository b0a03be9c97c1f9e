#include "vmsweep/dist/sweep_check.hpp"

#include <algorithm>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/regular_file.hpp"
#include "vmsweep/train/parameters.hpp"
#include "vmsweep/train/trial_data.hpp"

namespace vmsweep::dist {

namespace {

// How many proposals to check: the whole list of grid and random, bayes' random start-up.
std::int64_t checked_count(const sweep::SweepSpec& spec) {
  if (spec.method != sweep::Method::bayes) return sweep::trial_count(spec);
  return std::min<std::int64_t>(std::max(spec.bayes.n_startup, 1), sweep::trial_count(spec));
}

std::string data_key(const train::TrainSettings& settings) {
  return settings.data_block.to_json() + " look_back " + std::to_string(settings.look_back) + " horizon " +
         std::to_string(settings.horizon);
}

DataShape shape_of(const train::TrainSettings& settings) {
  const data::PreparedData prepared = train::prepare_trial_data(settings);
  return {settings.data.path.string(), prepared.report().steps, prepared.range(data::Split::train).count, prepared.range(data::Split::val).count,
          prepared.range(data::Split::test).count, prepared.input_channels()};
}

// A problem that only some trials have names the trial.
train::TrainSettings trial_settings(const sweep::SweepSpec& spec, const sweep::TrialSpec& trial) {
  try {
    return train::settings_from_params(trial.params);
  } catch (const InputError& e) {
    throw InputError(spec.path.string() + ": trial #" + std::to_string(trial.id) + ": " + e.what());
  }
}

DataShape trial_data(const sweep::SweepSpec& spec, const sweep::TrialSpec& trial, const train::TrainSettings& settings) {
  try {
    return shape_of(settings);
  } catch (const InputError& e) {
    std::string swept;
    for (const sweep::ParameterSpec& parameter : spec.parameters)
      if (!parameter.is_discrete() || parameter.values.size() > 1)
        swept += " " + parameter.name + "=" + trial.params.find(parameter.name)->to_string();
    throw InputError(spec.path.string() + ": trial #" + std::to_string(trial.id) + swept + ": " + e.what());
  }
}

void check_trial(SweepCheck& check, const sweep::TrialSpec& trial, const CheckedTrialVisitor& visit) {
  const train::TrainSettings settings = trial_settings(check.spec, trial);
  const std::string key = data_key(settings);
  auto data = check.data.find(key);
  if (data == check.data.end()) data = check.data.emplace(key, trial_data(check.spec, trial, settings)).first;
  if (visit) visit({trial, settings, data->second});
}

}  // namespace

sweep::SweepSpec load_sweep_file(const std::filesystem::path& sweep_file) {
  require_regular_file(sweep_file, "sweep file");
  return sweep::SweepSpec::load(sweep_file, train::all_knobs());
}

SweepCheck check_sweep(sweep::SweepSpec spec, const CheckedTrialVisitor& visit) {
  SweepCheck check{std::move(spec), {}, 0};
  const std::int64_t count = checked_count(check.spec);
  const std::unique_ptr<sweep::Sampler> sampler = sweep::make_sampler(check.spec);
  for (; check.trials < count; ++check.trials) {
    const std::optional<sweep::TrialSpec> trial = sampler->next();
    if (!trial) break;
    check_trial(check, *trial, visit);
  }
  return check;
}

}  // namespace vmsweep::dist
