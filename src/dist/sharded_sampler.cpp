#include "sampler_wrappers.hpp"

namespace vmsweep::dist {

namespace {

class ShardedSampler final : public SamplerWrapper {
public:
  ShardedSampler(std::unique_ptr<sweep::Sampler> inner, Shard shard) : SamplerWrapper(std::move(inner)), shard_(shard) {}

  std::optional<sweep::TrialSpec> next() override { return next_on({}); }

  std::optional<sweep::TrialSpec> next_on(const std::string& trace) override {
    while (auto trial = inner().next_on(trace)) {
      if (shard_.owns(trial->id)) return trial;
      inner().skip(trial->id);
    }
    return std::nullopt;
  }

private:
  Shard shard_;
};

}  // namespace

std::unique_ptr<sweep::Sampler> sharded(std::unique_ptr<sweep::Sampler> inner, Shard shard) {
  return std::make_unique<ShardedSampler>(std::move(inner), shard);
}

}  // namespace vmsweep::dist
