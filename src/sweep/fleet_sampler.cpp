#include <algorithm>
#include <functional>

#include "samplers.hpp"

namespace vmsweep::sweep {

namespace {

// One search per trace: each trace's sampler sees only its own trials' results (its TPE learns
// from that trace alone, its metric.target ends that trace's search). Proposals are taken from the
// traces in turn, so no trace waits for another. A trace's k-th trial is fleet trial
// k x traces + trace index; the same holds for configuration ids, so repeats still share one.
class FleetSampler final : public Sampler {
public:
  FleetSampler(const SweepSpec& spec, const std::function<bool(std::size_t)>& runs_trace)
      : traces_(std::ssize(spec.traces)) {
    for (std::size_t index = 0; index < spec.traces.size(); ++index) {
      children_.push_back(runs_trace(index) ? make_sampler(trace_spec(spec, index)) : nullptr);
      ids_.push_back(spec.traces[index].id);
    }
  }

  std::optional<TrialSpec> next() override {
    for (std::int64_t tried = 0; tried < traces_; ++tried) {
      const std::int64_t trace = turn_;
      turn_ = (turn_ + 1) % traces_;
      if (!children_[trace]) continue;  // another shard's trace
      if (auto trial = children_[trace]->next()) return to_fleet(std::move(*trial), trace);
    }
    return std::nullopt;
  }

  // The trace's own search, out of turn: ids are per trace (to_fleet), so no trial changes.
  std::optional<TrialSpec> next_on(const std::string& trace) override {
    const auto index = std::ranges::find(ids_, trace) - ids_.begin();
    if (index < traces_ && children_[index])
      if (auto trial = children_[index]->next()) return to_fleet(std::move(*trial), index);
    return next();
  }

  void tell(std::int64_t trial_id, std::optional<double> objective) override {
    child_of(trial_id).tell(trial_id / traces_, objective);
  }
  void skip(std::int64_t trial_id) override { child_of(trial_id).skip(trial_id / traces_); }

  bool exhausted() const override {
    return std::ranges::all_of(children_, [](const auto& child) { return !child || child->exhausted(); });
  }

  // The fleet stops early only when every trace's search did.
  std::optional<std::string> stop_reason() const override {
    std::string reasons;
    for (std::size_t index = 0; index < children_.size(); ++index) {
      if (!children_[index]) continue;
      const auto reason = children_[index]->stop_reason();
      if (!reason) return std::nullopt;
      reasons += (reasons.empty() ? "" : "; ") + ids_[index] + ": " + *reason;
    }
    if (reasons.empty()) return std::nullopt;
    return "every trace stopped: " + reasons;
  }

  bool still_wanted(const TrialSpec& trial) const override {
    return !children_[static_cast<std::size_t>(trial.id % traces_)]->stop_reason();
  }

private:
  TrialSpec to_fleet(TrialSpec trial, std::int64_t trace) const {
    trial.id = trial.id * traces_ + trace;
    trial.config_id = trial.config_id * traces_ + trace;
    return trial;
  }

  Sampler& child_of(std::int64_t trial_id) { return *children_[static_cast<std::size_t>(trial_id % traces_)]; }

  std::int64_t traces_;
  std::int64_t turn_ = 0;
  std::vector<std::unique_ptr<Sampler>> children_;
  std::vector<std::string> ids_;  // the traces' ids, by index
};

}  // namespace

std::unique_ptr<Sampler> make_fleet_sampler(const SweepSpec& spec) {
  return std::make_unique<FleetSampler>(spec, [](std::size_t) { return true; });
}

std::unique_ptr<Sampler> make_fleet_sampler(const SweepSpec& spec, const std::function<bool(std::size_t)>& runs_trace) {
  return std::make_unique<FleetSampler>(spec, runs_trace);
}

}  // namespace vmsweep::sweep
