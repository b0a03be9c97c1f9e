#include "vmsweep/io/kept_models.hpp"

#include <vector>

#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

namespace {

std::set<std::string> chosen_ids(const EnsembleMembers& members) {
  std::set<std::string> ids(members.seed_mean.begin(), members.seed_mean.end());
  ids.insert(members.top_k.begin(), members.top_k.end());
  if (!members.best.empty()) ids.insert(members.best);
  return ids;
}

}  // namespace

KeptModels choose_kept_models(const TrialStore& store, const SweepMeta& meta, std::int64_t keep_all_below) {
  std::vector<StoredTrial> summaries;
  KeptModels kept;
  std::set<std::string> with_model;
  for (const std::string& id : store.list()) {
    std::int64_t parameters = 0;
    try {
      summaries.push_back(store.read_summary(id));
      parameters = store.model_parameters(id);
    } catch (const Error&) {
      continue;  // an unreadable file: aggregate() leaves it out and names it
    }
    kept.total_bytes += parameters * static_cast<std::int64_t>(sizeof(float));
    if (parameters > 0) with_model.insert(id);
  }
  kept.members = choose_members(summaries, meta, default_top_k);
  kept.all = kept.total_bytes <= keep_all_below;
  kept.ids = kept.all ? with_model : chosen_ids(kept.members);
  for (const auto& [trace, id] : best_per_trace(summaries, meta)) kept.ids.insert(id);  // predict's model per trace
  std::erase_if(kept.ids, [&](const std::string& id) { return !with_model.contains(id); });
  return kept;
}

}  // namespace vmsweep::io
