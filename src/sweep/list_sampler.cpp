#include "config_ledger.hpp"
#include "configs.hpp"
#include "samplers.hpp"
#include "trial_builder.hpp"

namespace vmsweep::sweep {

namespace {

class ListSampler final : public Sampler {
public:
  explicit ListSampler(const SweepSpec& spec)
      : spec_(spec), ledger_(spec.repeats, spec.metric), trials_(config_count(spec) * spec.repeats) {}

  std::optional<TrialSpec> next() override {
    if (exhausted()) return std::nullopt;
    const std::int64_t config_id = next_id_ / spec_.repeats;
    const int repeat = static_cast<int>(next_id_ % spec_.repeats);
    if (repeat == 0) config_ = list_config(spec_, config_id);
    TrialSpec trial = make_trial(spec_, config_id, repeat, config_);
    ledger_.start(trial.id, config_id);
    ++next_id_;
    return trial;
  }

  void tell(std::int64_t trial_id, std::optional<double> objective) override { ledger_.record(trial_id, objective); }
  void skip(std::int64_t trial_id) override { ledger_.forget(trial_id); }
  bool exhausted() const override { return next_id_ >= trials_ || ledger_.target_reached(); }
  std::optional<std::string> stop_reason() const override { return ledger_.stop_reason(); }

private:
  SweepSpec spec_;
  ConfigLedger ledger_;
  std::int64_t trials_;
  std::int64_t next_id_ = 0;
  Value config_;  // the configuration whose repeats are being handed out
};

}  // namespace

std::unique_ptr<Sampler> make_list_sampler(const SweepSpec& spec) { return std::make_unique<ListSampler>(spec); }

}  // namespace vmsweep::sweep
