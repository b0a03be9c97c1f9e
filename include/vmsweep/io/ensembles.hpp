#pragma once
// The trials a sweep's forecasts are made with, chosen on the sweep's metric only (a validation
// metric, so their test scores stay honest). The report scores them, the aggregate keeps their
// models and `vmsweep predict` forecasts with them:
//   best       the single best trial;
//   seed_mean  every repeat of the configuration (parameters but the seed) whose repeats have the
//              best mean of the sweep's metric (what TPE learns from); averaging seeds removes the
//              luck of one initialisation. Empty when no configuration ran at least twice;
//   top_k      the k best trials.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/io/stored_trial.hpp"
#include "vmsweep/io/sweep_meta.hpp"

namespace vmsweep::io {

// The top_k ensemble of the report and of the aggregate's kept models.
inline constexpr std::size_t default_top_k = 5;

struct EnsembleMembers {
  std::string best;                    // empty when no trial finished with the sweep's metric
  std::vector<std::string> seed_mean;  // in the order of their metric, best first
  std::vector<std::string> top_k;      // best first
};

// The trial's value of the sweep's metric, if it has a finite one.
std::optional<double> sweep_metric(const StoredTrial& trial, const SweepMeta& meta);
// The trials with the sweep's metric, best first (by the sweep's goal; ties in the given order).
std::vector<const StoredTrial*> ranked_trials(const std::vector<StoredTrial>& trials, const SweepMeta& meta);
// From summaries (parameters and metrics suffice).
EnsembleMembers choose_members(const std::vector<StoredTrial>& trials, const SweepMeta& meta, std::size_t top_k);

// The answer among `trials`: the best by the sweep's metric among those that ended ok or stopped (a
// failed or diverged trial never is), the first among equals; null when none. /fleet, the fleet
// report and predict choose a trace's trial this way.
const StoredTrial* best_finished(const std::vector<const StoredTrial*>& trials, const SweepMeta& meta);

// A local fleet's answer per trace (best_finished of each trace's trials), by trace id. Empty unless
// the trials ran on several traces.
std::map<std::string, std::string> best_per_trace(const std::vector<StoredTrial>& trials, const SweepMeta& meta);

}  // namespace vmsweep::io
