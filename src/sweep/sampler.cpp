#include "vmsweep/sweep/sampler.hpp"

#include "configs.hpp"
#include "samplers.hpp"
#include "trial_builder.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

std::unique_ptr<Sampler> make_sampler(const SweepSpec& spec) {
  if (spec.searches_per_trace()) return make_fleet_sampler(spec);
  if (spec.method == Method::bayes) return make_tpe_sampler(spec);
  return make_list_sampler(spec);
}

std::size_t fleet_trace_index(const SweepSpec& spec, std::int64_t trial_id) {
  return spec.searches_per_trace() ? static_cast<std::size_t>(trial_id % static_cast<std::int64_t>(spec.traces.size())) : 0;
}

std::vector<TrialSpec> trial_list(const SweepSpec& spec) {
  if (spec.method == Method::bayes)
    throw InputError({spec.path.string(), 0, 0}, "method bayes proposes trials from results; it has no fixed trial list");
  std::vector<TrialSpec> trials;
  if (spec.searches_per_trace()) {
    const std::unique_ptr<Sampler> sampler = make_fleet_sampler(spec);
    while (auto trial = sampler->next()) trials.push_back(std::move(*trial));
    return trials;
  }
  const std::int64_t configs = config_count(spec);
  trials.reserve(static_cast<std::size_t>(configs * spec.repeats));
  for (std::int64_t config_id = 0; config_id < configs; ++config_id) {
    const Value config = list_config(spec, config_id);
    for (int repeat = 0; repeat < spec.repeats; ++repeat) trials.push_back(make_trial(spec, config_id, repeat, config));
  }
  return trials;
}

std::int64_t trial_count(const SweepSpec& spec) {
  const std::int64_t searches = spec.searches_per_trace() ? std::ssize(spec.traces) : 1;
  return saturating_product(config_count(spec) * spec.repeats, searches);
}

}  // namespace vmsweep::sweep
