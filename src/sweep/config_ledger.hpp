#pragma once
// Which trial belongs to which configuration, and each configuration's objective once all its
// repeats have reported: the mean over the repeats that succeeded (failed when none did).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

class ConfigLedger {
public:
  ConfigLedger(int repeats, Metric metric) : repeats_(repeats), metric_(std::move(metric)) {}

  void start(std::int64_t trial_id, std::int64_t config_id);
  // The trial runs elsewhere (another shard): its configuration is judged on its other repeats.
  void forget(std::int64_t trial_id);
  // Records a trial's result; returns its configuration when that was the last repeat to report.
  // Error on a trial that was not started or reported twice (a coordinator bug).
  std::optional<std::int64_t> record(std::int64_t trial_id, std::optional<double> objective);
  // The mean objective of a finished configuration; nullopt when every repeat failed.
  std::optional<double> objective(std::int64_t config_id) const;
  bool target_reached() const { return stop_reason_.has_value(); }
  // "target 0.95 reached by configuration 4 (trials 12-14, mean val_mse 0.93)"; nullopt until then.
  const std::optional<std::string>& stop_reason() const { return stop_reason_; }

private:
  struct Config {
    int expected = 0;  // repeats that report here
    int reported = 0;
    std::vector<double> objectives;
  };
  void note_target(std::int64_t config_id, double mean);

  int repeats_;
  Metric metric_;
  std::map<std::int64_t, std::int64_t> running_;  // trial -> configuration
  std::map<std::int64_t, Config> configs_;
  std::optional<std::string> stop_reason_;
};

}  // namespace vmsweep::sweep
