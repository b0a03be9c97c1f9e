#include <string>

#include "checks.hpp"
#include "configs.hpp"
#include "sections.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::int64_t kDefaultConfigs = 100;  // without run_cap, random and bayes stop here

const std::string kLimit = "the limit of " + std::to_string(kMaxTrials) + " trials";

std::int64_t capped_value(const Value& key, std::string_view name) {
  const std::int64_t value = positive_int(key, name);
  if (value > kMaxTrials)
    fail(key, name, std::to_string(value) + " is more than " + kLimit + " a sweep may run");
  return value;
}

// The grid's size times repeats, refused at the parameter (or `repeats`) where it passes the limit.
void check_grid_size(const SweepSpec& spec) {
  std::int64_t size = spec.repeats;
  for (const ParameterSpec& parameter : spec.parameters) {
    const std::int64_t choices = grid_choices(parameter);
    if (choices == 0 || size <= kMaxTrials / choices) {
      size *= choices;
      continue;
    }
    throw InputError(parameter.mark, "key '" + parameter.name + "': the grid passes " + kLimit + " here (" +
                                         std::to_string(choices) + " values after " + std::to_string(size) +
                                         " trials); set run_cap to run part of it, or use method random");
  }
}

void default_run_cap(SweepSpec& spec, const Value& root) {
  spec.run_cap = kDefaultConfigs * spec.repeats;
  if (*spec.run_cap > kMaxTrials)
    fail(*root.find("repeats"), "repeats", std::to_string(spec.repeats) + " repeats of the default " +
                                               std::to_string(kDefaultConfigs) + " configurations pass " + kLimit +
                                               "; set run_cap");
  spec.warnings.push_back(root.mark().to_string() + ": key 'run_cap': missing; method " +
                          std::string(method_name(spec.method)) + " stops after " + std::to_string(*spec.run_cap) +
                          " trials");
}

}  // namespace

void check_budget(SweepSpec& spec, const Value& root) {
  if (const Value* repeats = root.find("repeats")) capped_value(*repeats, "repeats");
  const Value* cap = root.find("run_cap");
  if (cap) capped_value(*cap, "run_cap");
  if (spec.method == Method::grid && !cap) check_grid_size(spec);
  if (spec.method != Method::grid && !cap) default_run_cap(spec, root);
  if (cap && *spec.run_cap < spec.repeats)
    fail(*cap, "run_cap", std::to_string(*spec.run_cap) + " is fewer than one configuration's " +
                              std::to_string(spec.repeats) + " repeats");
}

}  // namespace vmsweep::sweep
