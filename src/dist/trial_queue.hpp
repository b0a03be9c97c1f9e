#pragma once
// The trials this run still has to start: the sweep's sampler (grid, random or bayes), wrapped
// for this run's shard, for the trials an earlier run finished (resume), and, for grid and
// random, for handing out the longest first (sampler_wrappers.hpp). Trials are drawn lazily, so a
// large grid is never held in memory.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "finished_trials.hpp"
#include "vmsweep/dist/shard.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::dist {

class TrialQueue {
public:
  // InputError for --shard with bayes (it has no fixed list to divide).
  TrialQueue(const sweep::SweepSpec& spec, const FinishedTrials& finished, std::optional<Shard> shard);

  // The next trial to start; `held_trace` (the trace the asking rank ran last, if any) is preferred
  // when that changes no trial (sweep::Sampler::next_on), e.g. among equally long trials
  // (sampler_wrappers.hpp, longest_first) or a fleet's per-trace searches.
  std::optional<sweep::TrialSpec> next(const std::string& held_trace = {}) { return sampler_->next_on(held_trace); }
  void tell(std::int64_t trial_id, std::optional<double> objective) { sampler_->tell(trial_id, objective); }
  bool exhausted() const { return sampler_->exhausted(); }
  // Why no more trials start before the budget is spent (metric.target reached), once that happens.
  std::optional<std::string> stop_reason() const { return sampler_->stop_reason(); }
  // Trials this run (or shard) is responsible for, finished ones included; at most, when a target
  // may end the sweep early (and for bayes).
  std::int64_t total() const { return total_; }
  // Trials not yet run: total() minus the finished ones.
  std::int64_t pending_count() const { return total_ - finished_here_; }

private:
  std::unique_ptr<sweep::Sampler> sampler_;
  std::int64_t total_ = 0;
  std::int64_t finished_here_ = 0;
};

}  // namespace vmsweep::dist
