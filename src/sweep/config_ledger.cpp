#include "config_ledger.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

void ConfigLedger::start(std::int64_t trial_id, std::int64_t config_id) {
  running_[trial_id] = config_id;
  configs_.try_emplace(config_id);
}

std::optional<std::int64_t> ConfigLedger::record(std::int64_t trial_id, std::optional<double> objective) {
  const auto found = running_.find(trial_id);
  if (found == running_.end()) throw Error("sweep: result for trial " + std::to_string(trial_id) + ", which is not running");
  const std::int64_t config_id = found->second;
  running_.erase(found);
  Config& config = configs_[config_id];
  ++config.reported;
  if (objective && std::isfinite(*objective)) config.objectives.push_back(*objective);
  if (config.reported < repeats_) return std::nullopt;
  if (auto mean = this->objective(config_id); mean && metric_.reached(*mean)) target_reached_ = true;
  return config_id;
}

std::optional<double> ConfigLedger::objective(std::int64_t config_id) const {
  const auto found = configs_.find(config_id);
  if (found == configs_.end() || found->second.objectives.empty()) return std::nullopt;
  const std::vector<double>& values = found->second.objectives;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

}  // namespace vmsweep::sweep
