#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

#include "config_ledger.hpp"
#include "configs.hpp"
#include "samplers.hpp"
#include "tpe_startup.hpp"
#include "tpe_proposal.hpp"
#include "trial_builder.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

namespace {

constexpr std::uint64_t kTpeStream = 0x747065ULL;  // "tpe"
constexpr int kTpeAttempts = 8;                     // fresh TPE draws before random ones
constexpr int kAttempts = 64;
constexpr std::size_t kMaxGood = 25;                // Optuna's cap on the good group

// The number of distinct configurations when every parameter is a value or a list (a value
// listed twice counts once), saturating; nullopt when a parameter is a distribution.
std::optional<std::int64_t> finite_size(const SweepSpec& spec) {
  std::int64_t size = 1;
  for (const ParameterSpec& parameter : spec.parameters) {
    if (!parameter.is_discrete()) return std::nullopt;
    std::vector<Value> distinct;
    for (const Value& value : parameter.values)
      if (std::ranges::find(distinct, value) == distinct.end()) distinct.push_back(value);
    size = saturating_product(size, static_cast<std::int64_t>(distinct.size()));
  }
  return size;
}

// Asynchronous TPE. Configurations still running count as bad ones (a constant liar with the
// worst value), so parallel workers are steered away from what is already being tried; a
// proposal equal to one made before is drawn again.
class TpeSampler final : public Sampler {
public:
  explicit TpeSampler(const SweepSpec& spec)
      : spec_(spec),
        ledger_(spec.repeats, spec.metric),
        rng_(mix_seed({static_cast<std::uint64_t>(spec.seed), kTpeStream})),
        max_configs_(config_count(spec)),
        finite_size_(finite_size(spec)) {}

  std::optional<TrialSpec> next() override {
    if (ledger_.target_reached() || (queued_.empty() && !start_config())) return std::nullopt;
    TrialSpec trial = std::move(queued_.front());
    queued_.pop_front();
    ledger_.start(trial.id, trial.config_id);
    return trial;
  }

  void tell(std::int64_t trial_id, std::optional<double> objective) override {
    if (auto config_id = ledger_.record(trial_id, objective)) finished_.push_back(*config_id);
  }

  // bayes is never sharded: a skipped proposal would leave a hole in what TPE learns from.
  void skip(std::int64_t trial_id) override {
    throw Error("bayes cannot skip trial " + std::to_string(trial_id) + ": it is never sharded");
  }
  bool exhausted() const override { return ledger_.target_reached() || (queued_.empty() && no_more_configs()); }
  std::optional<std::string> stop_reason() const override { return ledger_.stop_reason(); }

  const std::vector<Value>& configs() const { return configs_; }

private:
  bool no_more_configs() const {
    const auto proposed = static_cast<std::int64_t>(configs_.size());
    return proposed >= max_configs_ || (finite_size_ && proposed >= *finite_size_);
  }

  bool start_config() {
    if (no_more_configs()) return false;
    const auto config_id = static_cast<std::int64_t>(configs_.size());
    configs_.push_back(propose_new());
    for (int repeat = 0; repeat < spec_.repeats; ++repeat) queued_.push_back(make_trial(spec_, config_id, repeat, configs_.back()));
    return true;
  }

  Value propose_new() {
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
      Value config = attempt < kTpeAttempts ? propose() : draw_config(spec_, rng_);
      if (!already_proposed(config)) return config;
    }
    if (finite_size_) return first_unproposed_grid_config();
    return draw_config(spec_, rng_);  // a space quantised so finely around its optimum that repeats happen
  }

  Value propose() {
    if (finished_.size() < static_cast<std::size_t>(spec_.bayes.n_startup)) return draw_config(spec_, rng_);
    std::vector<const Value*> good, bad;
    split(good, bad);
    return propose_tpe(spec_, good, bad, rng_);
  }

  // The best finished configurations are good; the rest, the failed and the running ones are bad.
  void split(std::vector<const Value*>& good, std::vector<const Value*>& bad) const {
    std::vector<std::int64_t> ranked = finished_;
    std::ranges::stable_sort(ranked, {}, [this](std::int64_t id) { return loss(id); });
    const auto good_count = std::min<std::size_t>(
        kMaxGood, static_cast<std::size_t>(std::ceil(spec_.bayes.gamma * static_cast<double>(ranked.size()))));
    std::vector<bool> finished(configs_.size(), false);
    for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
      (rank < std::max<std::size_t>(good_count, 1) ? good : bad).push_back(&configs_[ranked[rank]]);
      finished[ranked[rank]] = true;
    }
    for (std::size_t id = 0; id < configs_.size(); ++id)
      if (!finished[id]) bad.push_back(&configs_[id]);
  }

  double loss(std::int64_t config_id) const {
    const auto objective = ledger_.objective(config_id);
    return objective ? spec_.metric.to_loss(*objective) : std::numeric_limits<double>::infinity();
  }

  bool already_proposed(const Value& config) const { return std::ranges::find(configs_, config) != configs_.end(); }

  // Reached only with configurations left (finite_size_ counts them), so the walk ends.
  Value first_unproposed_grid_config() const {
    for (std::int64_t index = 0;; ++index)
      if (Value config = grid_config(spec_, index); !already_proposed(config)) return config;
  }

  SweepSpec spec_;
  ConfigLedger ledger_;
  Rng rng_;
  std::int64_t max_configs_;
  std::optional<std::int64_t> finite_size_;
  std::vector<Value> configs_;           // by configuration id
  std::vector<std::int64_t> finished_;   // configuration ids in the order they finished
  std::deque<TrialSpec> queued_;         // repeats of the newest configuration not yet handed out
};

}  // namespace

std::unique_ptr<Sampler> make_tpe_sampler(const SweepSpec& spec) { return std::make_unique<TpeSampler>(spec); }

std::vector<Value> tpe_startup_configs(const SweepSpec& spec, std::int64_t count) {
  TpeSampler sampler(spec);
  count = std::min<std::int64_t>(count, spec.bayes.n_startup);
  while (static_cast<std::int64_t>(sampler.configs().size()) < count && sampler.next()) {
  }
  return sampler.configs();
}

}  // namespace vmsweep::sweep
