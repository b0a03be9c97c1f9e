#pragma once
// What a run adds to any sampler, one concern each, composed by TrialQueue: running one shard of
// the trials, skipping the trials a previous run finished, and handing out the longest first.
#include <cstddef>
#include <memory>

#include "finished_trials.hpp"
#include "vmsweep/dist/shard.hpp"
#include "vmsweep/sweep/sampler.hpp"

namespace vmsweep::dist {

// Forwards everything to the wrapped sampler; a wrapper overrides what it changes.
class SamplerWrapper : public sweep::Sampler {
public:
  explicit SamplerWrapper(std::unique_ptr<sweep::Sampler> inner) : inner_(std::move(inner)) {}
  std::optional<sweep::TrialSpec> next() override { return inner_->next(); }
  std::optional<sweep::TrialSpec> next_on(const std::string& trace) override { return inner_->next_on(trace); }
  void tell(std::int64_t trial_id, std::optional<double> objective) override { inner_->tell(trial_id, objective); }
  void skip(std::int64_t trial_id) override { inner_->skip(trial_id); }
  bool exhausted() const override { return inner_->exhausted(); }
  std::optional<std::string> stop_reason() const override { return inner_->stop_reason(); }
  bool still_wanted(const sweep::TrialSpec& trial) const override { return inner_->still_wanted(trial); }

protected:
  sweep::Sampler& inner() { return *inner_; }
  const sweep::Sampler& inner() const { return *inner_; }

private:
  std::unique_ptr<sweep::Sampler> inner_;
};

// Only the trials whose id % count == index; the others are skipped (another shard runs them).
std::unique_ptr<sweep::Sampler> sharded(std::unique_ptr<sweep::Sampler> inner, Shard shard);

// A proposal that an earlier run finished is told its stored objective instead of running again,
// so a resumed sampler learns what the uninterrupted one learnt.
std::unique_ptr<sweep::Sampler> resuming(std::unique_ptr<sweep::Sampler> inner, const FinishedTrials& finished);

// Holds up to `lookahead` proposals and hands out the most expensive first (train::relative_cost;
// ties in proposal order), so a sweep does not end with one long straggler while the other ranks
// idle. A list of at most `lookahead` trials is handed out fully sorted. next_on(trace) picks, among
// the trials as long as the longest held (a fleet's configuration on each of its traces), one on
// that trace if there is one.
std::unique_ptr<sweep::Sampler> longest_first(std::unique_ptr<sweep::Sampler> inner, std::size_t lookahead);

}  // namespace vmsweep::dist
