#include "config_ledger.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "vmsweep/common/error.hpp"
#include "vmsweep/common/short_number.hpp"

namespace vmsweep::sweep {

void ConfigLedger::start(std::int64_t trial_id, std::int64_t config_id) {
  running_[trial_id] = config_id;
  auto [config, added] = configs_.try_emplace(config_id);
  if (added) config->second.expected = repeats_;
}

void ConfigLedger::forget(std::int64_t trial_id) {
  const auto found = running_.find(trial_id);
  if (found == running_.end()) return;
  --configs_[found->second].expected;
  running_.erase(found);
}

std::optional<std::int64_t> ConfigLedger::record(std::int64_t trial_id, std::optional<double> objective) {
  const auto found = running_.find(trial_id);
  if (found == running_.end()) throw Error("sweep: result for trial " + std::to_string(trial_id) + ", which is not running");
  const std::int64_t config_id = found->second;
  running_.erase(found);
  Config& config = configs_[config_id];
  ++config.reported;
  if (objective && std::isfinite(*objective)) config.objectives.push_back(*objective);
  if (config.reported < config.expected) return std::nullopt;
  if (auto mean = this->objective(config_id); mean && metric_.reached(*mean) && !stop_reason_) note_target(config_id, *mean);
  return config_id;
}

void ConfigLedger::note_target(std::int64_t config_id, double mean) {
  const std::int64_t first = config_id * repeats_;
  const std::string trials = repeats_ == 1 ? "trial " + std::to_string(first)
                                           : "configuration " + std::to_string(config_id) + " (trials " +
                                                 std::to_string(first) + "-" + std::to_string(first + repeats_ - 1) + ", mean";
  stop_reason_ = "target " + short_number(*metric_.target) + " reached by " + trials + (repeats_ == 1 ? " (" : " ") +
                 metric_.name + " " + short_number(mean) + ")";
}

std::optional<double> ConfigLedger::objective(std::int64_t config_id) const {
  const auto found = configs_.find(config_id);
  if (found == configs_.end() || found->second.objectives.empty()) return std::nullopt;
  const std::vector<double>& values = found->second.objectives;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

}  // namespace vmsweep::sweep
