#include <map>
#include <utility>

#include "sampler_wrappers.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/global_trial.hpp"
#include "vmsweep/train/trial_cost.hpp"

namespace vmsweep::dist {

namespace {

class LongestFirstSampler final : public SamplerWrapper {
public:
  LongestFirstSampler(std::unique_ptr<sweep::Sampler> inner, std::size_t lookahead)
      : SamplerWrapper(std::move(inner)), lookahead_(lookahead) {}

  std::optional<sweep::TrialSpec> next() override { return next_on({}); }

  std::optional<sweep::TrialSpec> next_on(const std::string& trace) override {
    top_up();
    if (inner().stop_reason()) held_.clear();  // nothing new starts once the sweep is over
    while (!held_.empty() && !inner().still_wanted(held_.begin()->second)) held_.erase(held_.begin());  // its trace stopped
    if (held_.empty()) return std::nullopt;
    const auto chosen = trace.empty() ? held_.begin() : longest_on(trace);
    sweep::TrialSpec trial = std::move(chosen->second);
    held_.erase(chosen);
    return trial;
  }

  bool exhausted() const override { return (held_.empty() || inner().stop_reason()) && inner().exhausted(); }

private:
  // The trial's parameters were checked before the run started (a trial that cannot be read would
  // have refused the sweep), so an error here is a bug and propagates.
  void top_up() {
    while (held_.size() < lookahead_) {
      auto trial = inner().next();
      if (!trial) return;
      const double cost = train::relative_cost(train::settings_from_params(train::first_trace_params(trial->params)));
      held_.emplace(Order{-cost, proposed_++}, std::move(*trial));
    }
  }

  using Order = std::pair<double, std::int64_t>;  // (-cost, proposal number): longest first, then in order
  using Held = std::map<Order, sweep::TrialSpec>;

  // The first of the longest held trials that runs on `trace`, else the first held. The scan is
  // bounded: a fleet of many traces has that many equally long trials per configuration.
  Held::iterator longest_on(const std::string& trace) {
    const double longest = held_.begin()->first.first;
    std::size_t scanned = 0;
    for (auto it = held_.begin(); it != held_.end() && it->first.first == longest && scanned < kAffinityScan; ++it, ++scanned)
      if (it->second.trace == trace) return it;
    return held_.begin();
  }

  static constexpr std::size_t kAffinityScan = 4096;
  std::size_t lookahead_;
  std::int64_t proposed_ = 0;
  Held held_;
};

}  // namespace

std::unique_ptr<sweep::Sampler> longest_first(std::unique_ptr<sweep::Sampler> inner, std::size_t lookahead) {
  return std::make_unique<LongestFirstSampler>(std::move(inner), lookahead);
}

}  // namespace vmsweep::dist
