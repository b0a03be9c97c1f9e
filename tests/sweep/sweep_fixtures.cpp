#include "sweep_fixtures.hpp"

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <vector>

#include "vmsweep/train/parameters.hpp"

namespace sweep_test {

using vmsweep::Knob;

vmsweep::sweep::SweepSpec parse(std::string_view text, std::span<const Knob> knobs) {
  return vmsweep::sweep::SweepSpec::parse(text, "inline.yaml", knobs, kGoodDir);
}

vmsweep::sweep::SweepSpec parse(std::string_view text) { return parse(text, vmsweep::train::all_knobs()); }

std::span<const Knob> benchmark_knobs() {
  using T = Knob::Type;
  static const std::vector<Knob> knobs{
      {"x1", T::real, "0", "", {}, -10, 20},  {"x2", T::real, "0", "", {}, -10, 20},
      {"x3", T::real, "0", "", {}, -10, 20},  {"x4", T::real, "0", "", {}, -10, 20},
      {"x5", T::real, "0", "", {}, -10, 20},  {"n", T::integer, "1", "", {}, 1, 100},
      {"c", T::string, "", "", {}, -1, 1},    {"path", T::string, "", "", {}, -1, 1, true},
  };
  return knobs;
}

CommandRun run_command(const std::string& command) {
  CommandRun result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) result.output += buffer;
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace sweep_test
