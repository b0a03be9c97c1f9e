#include "vmsweep/sweep/pruner.hpp"

#include <vector>

#include "vmsweep/sweep/hyperband.hpp"

namespace vmsweep::sweep {

namespace {

// A fleet's trials are compared with the trials of their own trace only: one pruner per trace.
class FleetPruner final : public Pruner {
public:
  explicit FleetPruner(const SweepSpec& spec) : traces_(std::ssize(spec.traces)) {
    for (std::size_t trace = 0; trace < spec.traces.size(); ++trace)
      pruners_.push_back(make_pruner(*spec.early_terminate));
  }
  std::optional<Pruning> should_stop(std::int64_t trial_id, int epoch, double value) override {
    return of(trial_id).should_stop(trial_id, epoch, value);
  }
  void remember(std::int64_t trial_id, int epoch, double value) override { of(trial_id).remember(trial_id, epoch, value); }

private:
  // A fleet trial's trace is its id % traces (sampler.hpp).
  Pruner& of(std::int64_t trial_id) { return *pruners_[static_cast<std::size_t>(trial_id % traces_)]; }

  std::int64_t traces_;
  std::vector<std::unique_ptr<Pruner>> pruners_;
};

}  // namespace

// early_terminate's parser admits hyperband only; a new rule is one more branch here.
std::unique_ptr<Pruner> make_pruner(const EarlyTerminate& rule) { return std::make_unique<HyperbandPruner>(rule); }

std::unique_ptr<Pruner> make_pruner(const SweepSpec& spec) {
  if (spec.searches_per_trace()) return std::make_unique<FleetPruner>(spec);
  return make_pruner(*spec.early_terminate);
}

}  // namespace vmsweep::sweep
