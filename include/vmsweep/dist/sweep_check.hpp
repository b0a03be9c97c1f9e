#pragma once
// Everything a sweep is checked for before any training, writing nothing: `vmsweep validate` prints
// it, and `vmsweep run` does it on rank 0 before the results folder is touched. The sweep file
// parses, the settings of its first trials and of trials at the edges of its space read
// (sweep/preview.hpp: a value only some trials take, such as a look_back too long for the split, is
// found before the run, never mid-run), and the data prepares with each distinct data setting and
// window shape exactly as a trial prepares it (train::prepare_trial_data). The trial list is never
// built: a 10^6-trial grid is checked as fast as a small one.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "vmsweep/sweep/preview.hpp"
#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"
#include "vmsweep/train/calibrate.hpp"
#include "vmsweep/train/settings.hpp"
#include "vmsweep/train/trial_cost.hpp"

namespace vmsweep::dist {

// The first and last step a part's windows target, as timestamps (Unix epoch ms).
struct TargetPeriod {
  std::int64_t first_ms = 0, last_ms = 0;
};

// What the data looks like for one data setting and window shape.
struct DataShape {
  std::string file;
  std::size_t steps = 0;
  std::size_t train_windows = 0, val_windows = 0, test_windows = 0;
  int input_channels = 1;  // 1 + the sub-steps of history_freq + the season lags
  TargetPeriod train, val, test;  // val and test the same for every look-back and horizon (fair splits)
};

struct CheckedTrial {
  const sweep::PreviewTrial& preview;  // the trial and its configuration as drawn
  const train::TrainSettings& settings;
  const DataShape& data;
};

struct SweepCheck {
  sweep::SweepSpec spec;
  std::map<std::string, DataShape> data;  // by data setting and window shape
  std::int64_t trials = 0;                // trials of the sweep checked (kCheckedTrials at most)
  std::int64_t edges = 0;                 // and probes at the edges of its space
  // The checked trials' models with the fewest and the most FLOPs per training step (one when they
  // are the same): what a calibration times (train/calibrate.hpp).
  std::vector<train::CalibrationModel> extreme_models;
  train::TrialWork checked_work;  // of the checked trials together, every epoch
};

// How many of its first trials a grid or random sweep is checked with; bayes is checked with its
// random start-up, which covers the space as random search's draws do.
inline constexpr std::int64_t kCheckedTrials = 1000;

// Called with every checked trial of the sweep, in proposal order (not with the edge probes).
using CheckedTrialVisitor = std::function<void(const CheckedTrial&)>;

// The windows an epoch of a trial with `settings` reads: those of its data setting and window shape
// when the check prepared it, else of the same data with another look-back or horizon (a bayes
// proposal the check did not draw), else one window.
train::EpochWindows epoch_windows(const std::map<std::string, DataShape>& shapes, const train::TrainSettings& settings);

// The sweep file parsed with the trial parameters train declares; InputError "FILE:LINE:COL: ..."
// (or "FILE: is a FIFO, not a sweep file").
sweep::SweepSpec load_sweep_file(const std::filesystem::path& sweep_file);
// InputError for the first problem, "FILE: trial #ID name=value ...: ..." or "FILE: edge check
// (look_back 126, its highest): ..." when only some trials have it. A fleet's traces are each
// checked as a sweep of their own: the bad ones (a trace that does not load or is too short) are
// named, each with its reason, in one InputError, or with data.skip_bad dropped from spec.traces
// into spec.skipped (trial ids then count the good traces only).
SweepCheck check_sweep(sweep::SweepSpec spec, const CheckedTrialVisitor& visit = {});

}  // namespace vmsweep::dist
