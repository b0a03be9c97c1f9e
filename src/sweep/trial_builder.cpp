#include "trial_builder.hpp"

#include "vmsweep/common/rng.hpp"

namespace vmsweep::sweep {

namespace {
constexpr std::uint64_t kSeedStream = 0x73656564ULL;    // "seed"
constexpr std::uint64_t kSeedMask = (1ULL << 52) - 1;  // exact as a double, inside the seed knob's range
// A global trial learns from every trace: its `path` is their list (train/global_trial.hpp).
void name_every_trace(const SweepSpec& spec, TrialSpec& trial) {
  Value::List paths;
  for (const Trace& trace : spec.traces) {
    paths.emplace_back(trace.path);
    trial.traces.push_back(trace.id);
  }
  trial.params.set("path", Value(std::move(paths)).with_mark(spec.data.find("path")->mark()));
}

}  // namespace

std::int64_t trial_seed(const SweepSpec& spec, const Value& config, int repeat) {
  const Value* swept = config.find("seed");
  const std::int64_t base = swept ? swept->as_int("seed") : spec.seed;
  const std::uint64_t mixed = mix_seed({static_cast<std::uint64_t>(base), kSeedStream, static_cast<std::uint64_t>(repeat)});
  return static_cast<std::int64_t>(mixed & kSeedMask);
}

TrialSpec make_trial(const SweepSpec& spec, std::int64_t config_id, int repeat, const Value& config) {
  TrialSpec trial;
  trial.id = config_id * spec.repeats + repeat;
  trial.config_id = config_id;
  trial.repeat = repeat;
  trial.seed = trial_seed(spec, config, repeat);
  trial.params = spec.data;
  for (const auto& [name, value] : config.as_map()) trial.params.set(name, value);
  trial.params.set("seed", Value(trial.seed));
  if (spec.traces.size() == 1) trial.trace = spec.traces.front().id;
  if (spec.is_global()) name_every_trace(spec, trial);
  return trial;
}

}  // namespace vmsweep::sweep
