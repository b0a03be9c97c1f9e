#pragma once
// Everything a sweep is checked for before any training, writing nothing: `vmsweep validate` prints
// it, and `vmsweep run` does it on rank 0 before the results folder is touched. The sweep file
// parses, every trial's settings read, and the data prepares with each distinct data setting and
// window shape exactly as a trial prepares it (train::prepare_trial_data).
#include <cstddef>
#include <filesystem>
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
  sweep::TrialSpec trial;
  train::TrainSettings settings;
  std::string data_key;  // its entry in SweepCheck::data
};

struct SweepCheck {
  sweep::SweepSpec spec;
  // grid and random: every trial; bayes: the first proposals (its random start-up, which covers the
  // space as random search's draws do).
  std::vector<CheckedTrial> trials;
  std::map<std::string, DataShape> data;
};

// InputError for the first problem: "FILE:LINE:COL: ..." for the sweep file, and "FILE: trial #ID
// name=value ...: ..." for a problem only some trials have (a look_back too long for the split).
SweepCheck check_sweep(const std::filesystem::path& sweep_file);

}  // namespace vmsweep::dist
