#pragma once
// Each subcommand lives in its own cmd_*.cpp and registers itself on the application here.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace vmsweep::cli {

// What a command's callback reports back to main() besides throwing.
struct CommandStatus {
  int exit_code = 0;
};

void add_data_commands(CLI::App& app, CommandStatus& status);
void add_docs_commands(CLI::App& app, CommandStatus& status);
void add_run_commands(CLI::App& app, CommandStatus& status);  // run, aggregate
void add_report_commands(CLI::App& app, CommandStatus& status);
void add_plot_commands(CLI::App& app, CommandStatus& status);
void add_predict_commands(CLI::App& app, CommandStatus& status);
void add_train_commands(CLI::App& app, CommandStatus& status);
void add_validate_commands(CLI::App& app, CommandStatus& status);

// argv without the program name, back to front as CLI11's parse() takes it, with `run` put in
// front of a bare sweep file: `vmsweep SWEEP.yaml` is `vmsweep run SWEEP.yaml`.
std::vector<std::string> arguments_with_implicit_run(int argc, char** argv);

}  // namespace vmsweep::cli
