#pragma once
// Forecasting past the end of a trace with kept models (`vmsweep predict`): each member loads the
// trace with its own data settings (the trial's, with only the path replaced), scales its last
// look_back steps with the member's stored scalers and predicts; an ensemble averages its members.
// On the trace a trial was trained on, cut just before one of its windows' targets, this reproduces
// that window's stored prediction bitwise.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "vmsweep/data/load_trace.hpp"
#include "vmsweep/record/checkpoint.hpp"

namespace vmsweep::train {

struct ForecastMember {
  Checkpoint model;
  int threads = 1;  // the trial's own thread count: with it the outputs are bitwise the trial's
};

struct FutureForecast {
  std::vector<std::int64_t> timestamps_ms;  // the `horizon` steps after the trace's last step
  std::vector<double> point;                // the members' mean, original units
  data::LoadedTrace trace;                  // as the first member loaded it (the history to plot)
};

// The smallest horizon the members were trained for.
int trained_horizon(const std::vector<ForecastMember>& members);

// InputError when `horizon` is outside 1..trained_horizon(members), a member's trace has fewer steps
// than its look_back, the members' traces do not end at the same step with the same spacing, or the
// trace cannot be loaded with a member's settings (a missing column, bad values).
FutureForecast forecast_after(const std::vector<ForecastMember>& members, const std::filesystem::path& trace, int horizon);

}  // namespace vmsweep::train
