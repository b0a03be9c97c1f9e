#pragma once
// The sections of `vmsweep report`, built from a sweep's results.
#include <string>
#include <vector>

#include "report_baselines.hpp"
#include "report_sheet.hpp"
#include "report_source.hpp"

namespace vmsweep::cli {

// One row: name, method, metric, state, trial counts per status, start, end, seconds.
Section sweep_section(const SweepResults& results);
// The top `top` trials by the sweep's metric, then the combined forecasts (kind "ensemble") and the
// baselines (kind "baseline"); parameter columns are those that vary.
Section leaderboard_section(const SweepResults& results, const std::vector<BaselineScore>& ensembles,
                            const std::vector<BaselineScore>& baselines, std::size_t top);
// With a best trial of horizon H > 1: its test MSE and MAE at h = 1..H and their mean, beside the
// ensembles' and the baselines' of its look-back and horizon; no rows otherwise.
Section steps_section(const SweepResults& results, const std::vector<BaselineScore>& ensembles,
                      const std::vector<BaselineScore>& baselines);
// Trials that failed, diverged or were stopped, with their reasons.
Section problems_section(const SweepResults& results);
// Per varying parameter and value (or bin of values): trials, best and mean of the sweep's metric.
Section effects_section(const SweepResults& results);
// One trial in full: its fields, parameters and metrics as (field, value) rows, and its loss curve.
std::vector<Section> trial_sections(const io::StoredTrial& trial);

}  // namespace vmsweep::cli
