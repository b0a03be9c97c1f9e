#pragma once
// Everything a sweep is checked for before any training, writing nothing: `vmsweep validate` prints
// it, and `vmsweep run` does it on rank 0 before the results folder is touched. The sweep file
// parses, every trial's settings read, and the data prepares with each distinct data setting and
// window shape exactly as a trial prepares it (train::prepare_trial_data). Trials are drawn one at
// a time and handed to the caller, so memory holds the distinct data settings, not the trial list.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "vmsweep/sweep/sampler.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"
#include "vmsweep/train/settings.hpp"

namespace vmsweep::dist {

// What the data looks like for one data setting and window shape.
struct DataShape {
  std::string file;
  std::size_t steps = 0;
  std::size_t train_windows = 0, val_windows = 0, test_windows = 0;
  int input_channels = 1;  // 1 + the sub-steps of history_freq
};

struct CheckedTrial {
  const sweep::TrialSpec& trial;
  const train::TrainSettings& settings;
  const DataShape& data;
};

struct SweepCheck {
  sweep::SweepSpec spec;
  std::map<std::string, DataShape> data;  // by data setting and window shape
  std::int64_t trials = 0;                // checked
};

// Called with every checked trial, in order: grid and random, every trial; bayes, the first
// proposals (its random start-up, which covers the space as random search's draws do).
using CheckedTrialVisitor = std::function<void(const CheckedTrial&)>;

// The sweep file parsed with the trial parameters train declares; InputError "FILE:LINE:COL: ..."
// (or "FILE: is a FIFO, not a sweep file").
sweep::SweepSpec load_sweep_file(const std::filesystem::path& sweep_file);
// InputError for the first problem, "FILE: trial #ID name=value ...: ..." when only some trials
// have it (a look_back too long for the split).
SweepCheck check_sweep(sweep::SweepSpec spec, const CheckedTrialVisitor& visit = {});

}  // namespace vmsweep::dist
