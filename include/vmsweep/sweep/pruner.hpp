#pragma once
// A pruner answers one question while trials run: must this trial stop after this epoch? It sees
// every rank's epoch reports through the coordinator (dist/coordinator.cpp), which asks it and
// sends the verdict. One file per rule behind this interface (hyperband.hpp); the sweep file's
// early_terminate picks the rule. docs/architecture.md has the recipe for adding one.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

// Why a trial was stopped, for its recorded reason.
struct Pruning {
  int epoch = 0;
  double value = 0.0;      // the trial's validation loss at that epoch
  double threshold = 0.0;  // the value it had to stay at or below
  std::size_t peers = 0;   // trials it was compared with, this one included

  // "pruned by hyperband at epoch 4: val_loss 0.52 > threshold 0.31 of 5 trials at this band"
  std::string reason() const;
};

class Pruner {
public:
  virtual ~Pruner() = default;
  // A running trial reported `value` (lower is better) after `epoch` (1-based): nullopt lets it go on.
  virtual std::optional<Pruning> should_stop(std::int64_t trial_id, int epoch, double value) = 0;
  // An epoch of a trial that an earlier run finished (a resumed sweep), remembered without judging
  // it, so later trials are compared with it as before the interruption.
  virtual void remember(std::int64_t trial_id, int epoch, double value) = 0;
};

// The pruner the sweep file's early_terminate names.
std::unique_ptr<Pruner> make_pruner(const EarlyTerminate& rule);
// The pruner of a sweep with early_terminate; for a fleet, one per trace (a trial is compared with
// the trials of its own trace).
std::unique_ptr<Pruner> make_pruner(const SweepSpec& spec);

}  // namespace vmsweep::sweep
