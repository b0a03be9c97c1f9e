#include "sampler_wrappers.hpp"

namespace vmsweep::dist {

namespace {

class ResumingSampler final : public SamplerWrapper {
public:
  ResumingSampler(std::unique_ptr<sweep::Sampler> inner, const FinishedTrials& finished)
      : SamplerWrapper(std::move(inner)), finished_(finished) {}

  std::optional<sweep::TrialSpec> next() override { return next_on({}); }

  std::optional<sweep::TrialSpec> next_on(const std::string& trace) override {
    while (auto trial = inner().next_on(trace)) {
      const auto done = finished_.find(trial->id);
      if (done == finished_.end()) return trial;
      inner().tell(trial->id, done->second);
    }
    return std::nullopt;
  }

private:
  const FinishedTrials& finished_;
};

}  // namespace

std::unique_ptr<sweep::Sampler> resuming(std::unique_ptr<sweep::Sampler> inner, const FinishedTrials& finished) {
  return std::make_unique<ResumingSampler>(std::move(inner), finished);
}

}  // namespace vmsweep::dist
