#include "vmsweep/dist/sweep_check.hpp"

#include <algorithm>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/regular_file.hpp"
#include "vmsweep/train/parameters.hpp"
#include "vmsweep/train/trial_data.hpp"

namespace vmsweep::dist {

namespace {

std::vector<sweep::TrialSpec> trials_to_check(const sweep::SweepSpec& spec) {
  if (spec.method != sweep::Method::bayes) return sweep::trial_list(spec);
  std::vector<sweep::TrialSpec> trials;
  auto sampler = sweep::make_sampler(spec);
  while (trials.size() < static_cast<std::size_t>(std::max(spec.bayes.n_startup, 1)))
    if (auto trial = sampler->next()) trials.push_back(std::move(*trial));
    else break;
  return trials;
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

}  // namespace

SweepCheck check_sweep(const std::filesystem::path& sweep_file) {
  require_regular_file(sweep_file, "sweep file");
  SweepCheck check{sweep::SweepSpec::load(sweep_file, train::all_knobs()), {}, {}};
  for (sweep::TrialSpec& trial : trials_to_check(check.spec)) {
    train::TrainSettings settings = trial_settings(check.spec, trial);
    std::string key = data_key(settings);
    if (!check.data.contains(key)) check.data.emplace(key, trial_data(check.spec, trial, settings));
    check.trials.push_back({std::move(trial), std::move(settings), std::move(key)});
  }
  return check;
}

}  // namespace vmsweep::dist
