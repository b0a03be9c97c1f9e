#pragma once
// Shared by the sweep tests: parsing inline sweep files against the real knob table, and a
// small knob table for the optimisation benchmarks.
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace sweep_test {

inline const std::filesystem::path kGoodDir = std::filesystem::path(VMSWEEP_SOURCE_DIR) / "tests/sweep/good";
inline const std::filesystem::path kBadDir = std::filesystem::path(VMSWEEP_SOURCE_DIR) / "tests/sweep/bad";

// `text` parsed as "inline.yaml" in tests/sweep/good (where trace.txt lives), with train::all_knobs().
vmsweep::sweep::SweepSpec parse(std::string_view text);
// The same against `knobs`.
vmsweep::sweep::SweepSpec parse(std::string_view text, std::span<const vmsweep::Knob> knobs);

// x1..x5 real in [-10, 20], n an integer in [1, 100], c a free string, and the data path.
std::span<const vmsweep::Knob> benchmark_knobs();

struct CommandRun {
  int exit_code = -1;
  std::string output;  // what the command wrote to stdout
};
// Runs `command` through the shell (redirections included) and waits for it.
CommandRun run_command(const std::string& command);

}  // namespace sweep_test
