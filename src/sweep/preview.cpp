#include "vmsweep/sweep/preview.hpp"

#include <algorithm>

#include "configs.hpp"
#include "distribution.hpp"
#include "tpe_startup.hpp"
#include "trial_builder.hpp"

namespace vmsweep::sweep {

namespace {

constexpr double kNormalReach = 4;  // a draw beyond mu +- 4 sigma happens once in 15,000

struct Edge {
  Value low, high;
};

// The lowest and highest value a parameter takes, as a draw would give them (quantised, clipped).
Edge numeric_edge(const SweepSpec& spec, const ParameterSpec& parameter) {
  if (spec.method == Method::grid) return {grid_value(parameter, 0), grid_value(parameter, grid_choices(parameter) - 1)};
  if (traits(parameter.distribution).law == Law::normal)
    return {value_from_internal(parameter, parameter.mu - kNormalReach * parameter.sigma),
            value_from_internal(parameter, parameter.mu + kNormalReach * parameter.sigma)};
  const NumericSpace space = numeric_space(parameter);
  const double inside = traits(parameter.distribution).law == Law::integers ? 0.5 : 0.0;  // the integers' space is +- 0.5
  return {value_from_internal(parameter, space.low + inside), value_from_internal(parameter, space.high - inside)};
}

bool is_numeric(const ParameterSpec& parameter) { return !parameter.is_discrete(); }

std::vector<Value> configs_of(const SweepSpec& spec, std::int64_t count) {
  if (spec.method == Method::bayes) return tpe_startup_configs(spec, count);
  std::vector<Value> configs;
  for (std::int64_t index = 0; index < count; ++index) configs.push_back(list_config(spec, index));
  return configs;
}

class EdgeProbes {
public:
  EdgeProbes(const SweepSpec& spec, Value base) : spec_(spec), base_(std::move(base)) {}

  void one_at_a_time() {
    for (const ParameterSpec& parameter : spec_.parameters) {
      if (is_numeric(parameter)) {
        const Edge edge = numeric_edge(spec_, parameter);
        probe(parameter.name, edge.low, "its lowest");
        probe(parameter.name, edge.high, "its highest");
      } else if (parameter.values.size() > 1) {
        for (const Value& value : parameter.values) probe(parameter.name, value, "a listed value");
      }
    }
  }

  void corner(bool high) {
    Value config = base_;
    for (const ParameterSpec& parameter : spec_.parameters)
      if (is_numeric(parameter)) {
        const Edge edge = numeric_edge(spec_, parameter);
        config.set(parameter.name, high ? edge.high : edge.low);
      }
    add(std::move(config), high ? "every numeric parameter at its highest" : "every numeric parameter at its lowest");
  }

  std::vector<PreviewTrial> trials;

private:
  void probe(const std::string& name, const Value& value, const std::string& why) {
    if (*base_.find(name) == value) return;  // the base configuration checks it already
    Value config = base_;
    config.set(name, value);
    add(std::move(config), name + " " + value.to_string() + ", " + why);
  }

  void add(Value config, std::string probe) {
    if (std::ranges::any_of(trials, [&](const PreviewTrial& t) { return t.config == config; }) || config == base_) return;
    trials.push_back({make_trial(spec_, 0, 0, config), std::move(config), std::move(probe)});
  }

  const SweepSpec& spec_;
  Value base_;
};

}  // namespace

std::vector<PreviewTrial> first_trials(const SweepSpec& spec, std::int64_t count) {
  const std::int64_t configs = std::min(config_count(spec), (count + spec.repeats - 1) / spec.repeats);
  std::vector<PreviewTrial> trials;
  std::int64_t config_id = 0;
  for (const Value& config : configs_of(spec, configs)) {
    for (int repeat = 0; repeat < spec.repeats && static_cast<std::int64_t>(trials.size()) < count; ++repeat)
      trials.push_back({make_trial(spec, config_id, repeat, config), config, ""});
    ++config_id;
  }
  return trials;
}

std::vector<PreviewTrial> edge_trials(const SweepSpec& spec) {
  const std::vector<Value> first = configs_of(spec, 1);
  if (first.empty()) return {};
  EdgeProbes probes(spec, first.front());
  probes.one_at_a_time();
  probes.corner(false);
  probes.corner(true);
  return std::move(probes.trials);
}

}  // namespace vmsweep::sweep
