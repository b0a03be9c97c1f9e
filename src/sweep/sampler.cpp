#include "vmsweep/sweep/sampler.hpp"

#include "configs.hpp"
#include "samplers.hpp"
#include "trial_builder.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

std::unique_ptr<Sampler> make_sampler(const SweepSpec& spec) {
  if (spec.method == Method::bayes) return make_tpe_sampler(spec);
  return make_list_sampler(spec);
}

std::vector<TrialSpec> trial_list(const SweepSpec& spec) {
  if (spec.method == Method::bayes)
    throw InputError({spec.path.string(), 0, 0}, "method bayes proposes trials from results; it has no fixed trial list");
  std::vector<TrialSpec> trials;
  const std::int64_t configs = config_count(spec);
  trials.reserve(static_cast<std::size_t>(configs * spec.repeats));
  for (std::int64_t config_id = 0; config_id < configs; ++config_id) {
    const Value config = list_config(spec, config_id);
    for (int repeat = 0; repeat < spec.repeats; ++repeat) trials.push_back(make_trial(spec, config_id, repeat, config));
  }
  return trials;
}

std::int64_t trial_count(const SweepSpec& spec) {
  return config_count(spec) * spec.repeats;
}

}  // namespace vmsweep::sweep
