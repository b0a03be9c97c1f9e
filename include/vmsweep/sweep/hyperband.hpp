#pragma once
// Hyperband early termination with W&B's semantics (wandb/sweeps, hyperband_stopping.py), applied
// asynchronously as ASHA does: a trial reaching a band is compared at once with every trial that
// reached that band before it, and stopped if it is not among the best 1/eta of them. Pure
// logic: the dist coordinator feeds it the epoch reports of every rank.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/sweep/pruner.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

// The bands (1-based epochs) at which trials are judged, ascending and distinct: int(min_iter *
// eta^k) for k < 100, or int(max_iter / eta^k) for k = 1..s while at least 1 (W&B's formulas).
std::vector<int> hyperband_bands(const EarlyTerminate& rule);

class HyperbandPruner final : public Pruner {
public:
  explicit HyperbandPruner(const EarlyTerminate& rule);

  const std::vector<int>& bands() const { return bands_; }

  // Records `value` (lower is better) when `epoch` is a band and answers whether the trial must
  // stop there: value > sorted(values at the band)[int(n / eta)]. Epochs between bands go on.
  std::optional<Pruning> should_stop(std::int64_t trial_id, int epoch, double value) override;

  // Records a value from a trial that already finished (a resumed sweep's earlier run), without
  // judging it, so later arrivals at its bands are compared with it as before the interruption.
  void remember(std::int64_t trial_id, int epoch, double value) override;

private:
  double threshold(const std::map<std::int64_t, double>& reached) const;

  double eta_;
  std::vector<int> bands_;
  // band -> trial id -> value; keyed by trial so that a repeated report cannot count twice.
  std::map<int, std::map<std::int64_t, double>> reached_;
};

}  // namespace vmsweep::sweep
