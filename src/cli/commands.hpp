#pragma once
// Each subcommand lives in its own cmd_*.cpp and registers itself on the application here.
#include <CLI/CLI.hpp>

namespace vmsweep::cli {

// What a command's callback reports back to main() besides throwing.
struct CommandStatus {
  int exit_code = 0;
};

void add_data_commands(CLI::App& app, CommandStatus& status);

}  // namespace vmsweep::cli
