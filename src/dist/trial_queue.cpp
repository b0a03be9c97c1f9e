#include "trial_queue.hpp"

#include <algorithm>

#include "sampler_wrappers.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

// Up to this many grid or random trials are held to be ordered longest first: every trial of a
// sweep this size or smaller, a sliding window beyond (about 2 KB each).
constexpr std::size_t kLongestFirstLookahead = 10000;

std::unique_ptr<sweep::Sampler> wrapped_sampler(const sweep::SweepSpec& spec, const FinishedTrials& finished,
                                                std::optional<Shard> shard) {
  std::unique_ptr<sweep::Sampler> sampler;
  if (shard && spec.searches_per_trace())  // whole traces: the other shards' searches never start
    sampler = sweep::make_fleet_sampler(spec, [shard](std::size_t trace) { return shard->owns(static_cast<std::int64_t>(trace)); });
  else
    sampler = sweep::make_sampler(spec);
  if (shard && !spec.searches_per_trace()) sampler = sharded(std::move(sampler), *shard);
  sampler = resuming(std::move(sampler), finished);
  // TPE learns from every result: holding its proposals back would make them stale.
  if (spec.method != sweep::Method::bayes) sampler = longest_first(std::move(sampler), kLongestFirstLookahead);
  return sampler;
}

bool in_shard(std::int64_t trial_id, const std::optional<Shard>& shard) {
  return !shard || shard->owns(trial_id);
}

}  // namespace

TrialQueue::TrialQueue(const sweep::SweepSpec& spec, const FinishedTrials& finished, std::optional<Shard> shard) {
  if (shard && spec.method == sweep::Method::bayes && !spec.searches_per_trace())
    throw InputError(spec.path.string() + ": --shard needs a grid or random sweep, or a fleet (bayes has no fixed list)");
  if (shard) shard->traces = spec.searches_per_trace() ? std::ssize(spec.traces) : 1;
  sampler_ = wrapped_sampler(spec, finished, shard);
  const std::int64_t count = sweep::trial_count(spec);
  total_ = shard ? shard->owned_of(count) : count;
  for (const auto& [id, objective] : finished) finished_here_ += in_shard(id, shard) && id < count ? 1 : 0;
}

}  // namespace vmsweep::dist
