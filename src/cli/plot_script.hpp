#pragma once
// scripts/plot_results.py, the matplotlib half of `vmsweep plot`, and how it is run.
#include <filesystem>
#include <string>
#include <vector>

namespace vmsweep::cli {

// VMSWEEP_PLOT_SCRIPT if set; else the first that exists of <exe dir>/../share/vmsweep/plot_results.py
// (installed), <exe dir>/../scripts/plot_results.py and <exe dir>/scripts/plot_results.py (a build
// folder inside the source tree). Error listing the places looked at when none exists.
std::filesystem::path find_plot_script();

// VMSWEEP_PYTHON if set, else /usr/bin/python3 (it has matplotlib and h5py; the first python3 on
// PATH may not).
std::string plot_interpreter();

// Runs `interpreter script args...` without a shell and waits; returns its exit code.
// Error when it cannot be started or is killed by a signal.
int run_program(const std::string& interpreter, const std::filesystem::path& script, const std::vector<std::string>& args);

// Runs the plot script with `args` while `data_file` holds `data` (its input, e.g. JSON), and removes
// the file afterwards whatever happened; Error when the script fails.
void run_plot_script_with(const std::filesystem::path& data_file, const std::string& data, const std::vector<std::string>& args);

}  // namespace vmsweep::cli
