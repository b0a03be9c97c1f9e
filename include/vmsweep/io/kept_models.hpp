#pragma once
// Which trials' models the aggregate results/<name>.h5 keeps. Every trial file holds its model; the
// aggregate keeps all of them when their weights together stay under keep_all_models_bytes (64 MiB),
// else only those of the best trial, of the seed_mean and top_k ensembles' members and, for a local
// fleet, of each trace's best trial (docs/results-schema.md says what that costs).
#include <cstdint>
#include <set>
#include <string>

#include "vmsweep/io/ensembles.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::io {

inline constexpr std::int64_t keep_all_models_bytes = std::int64_t{64} << 20;

struct KeptModels {
  EnsembleMembers members;
  std::set<std::string> ids;     // trials whose model is copied into the aggregate
  bool all = false;              // every trial's model (the total stayed under the limit)
  std::int64_t total_bytes = 0;  // float32 weights of every trial's model
};

// From the trial files' summaries and model sizes; the ensembles are those of the report's defaults.
KeptModels choose_kept_models(const TrialStore& store, const SweepMeta& meta,
                              std::int64_t keep_all_below = keep_all_models_bytes);

}  // namespace vmsweep::io
