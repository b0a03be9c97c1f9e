#pragma once
// The trials still to run. grid and random: the sampler's fixed list, minus the trials a previous
// run finished (resume), minus other shards' trials, longest expected first. bayes: the sampler
// itself, told the finished trials' objectives first.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "vmsweep/dist/run_sweep.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::dist {

// Trial id -> its objective (nullopt = failed or diverged), for trials whose files exist.
using FinishedTrials = std::map<std::int64_t, std::optional<double>>;

class TrialQueue {
public:
  TrialQueue(const sweep::SweepSpec& spec, const FinishedTrials& finished, std::optional<Shard> shard);

  std::optional<sweep::TrialSpec> next();
  void tell(std::int64_t trial_id, std::optional<double> objective);
  bool exhausted() const;
  // Trials this run (or shard) is responsible for, finished ones included; at most for bayes.
  std::int64_t total() const { return total_; }
  // Trials not yet run (grid and random; for bayes, at most total() minus the finished ones).
  std::int64_t pending_count() const;

private:
  void load_list(const sweep::SweepSpec& spec, std::optional<Shard> shard);

  const FinishedTrials& finished_;
  std::unique_ptr<sweep::Sampler> sampler_;  // bayes only
  std::deque<sweep::TrialSpec> pending_;     // grid and random
  std::int64_t total_ = 0;
};

}  // namespace vmsweep::dist
