#include "trial_queue.hpp"

#include <algorithm>

#include "trial_cost.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

TrialQueue::TrialQueue(const sweep::SweepSpec& spec, const FinishedTrials& finished, std::optional<Shard> shard)
    : finished_(finished) {
  if (spec.method != sweep::Method::bayes) {
    load_list(spec, shard);
    return;
  }
  if (shard) throw InputError(spec.path.string() + ": --shard needs a grid or random sweep (bayes has no fixed list)");
  sampler_ = sweep::make_sampler(spec);
  total_ = sweep::trial_count(spec);
}

void TrialQueue::load_list(const sweep::SweepSpec& spec, std::optional<Shard> shard) {
  std::vector<std::pair<double, sweep::TrialSpec>> todo;
  for (sweep::TrialSpec& trial : sweep::trial_list(spec)) {
    if (shard && trial.id % shard->count != shard->index) continue;
    ++total_;
    if (finished_.contains(trial.id)) continue;
    double cost = expected_cost(trial.params);
    todo.emplace_back(cost, std::move(trial));
  }
  // Longest first; equal costs keep the list's order, so the schedule is reproducible.
  std::stable_sort(todo.begin(), todo.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [cost, trial] : todo) pending_.push_back(std::move(trial));
}

std::optional<sweep::TrialSpec> TrialQueue::next() {
  if (!sampler_) {
    if (pending_.empty()) return std::nullopt;
    sweep::TrialSpec trial = std::move(pending_.front());
    pending_.pop_front();
    return trial;
  }
  // A resumed bayes sweep proposes its trials again in the same order; the finished ones are
  // told their stored objective instead of being run twice.
  while (auto trial = sampler_->next()) {
    auto done = finished_.find(trial->id);
    if (done == finished_.end()) return trial;
    sampler_->tell(trial->id, done->second);
  }
  return std::nullopt;
}

void TrialQueue::tell(std::int64_t trial_id, std::optional<double> objective) {
  if (sampler_) sampler_->tell(trial_id, objective);
}

std::int64_t TrialQueue::pending_count() const {
  if (!sampler_) return static_cast<std::int64_t>(pending_.size());
  return std::max<std::int64_t>(0, total_ - static_cast<std::int64_t>(finished_.size()));
}

bool TrialQueue::exhausted() const { return sampler_ ? sampler_->exhausted() : pending_.empty(); }

}  // namespace vmsweep::dist
