#include "vmsweep/cli/main.hpp"

#include <exception>
#include <iostream>

#include "commands.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/version.hpp"

namespace vmsweep::cli {

namespace {

void configure(CLI::App& app, CommandStatus& status) {
  app.name("vmsweep");  // parse() is given a vector, so argv[0] does not name the program
  app.set_version_flag("--version", std::string("vmsweep ") + version_string);
  app.require_subcommand(1);
  app.fallthrough();
  add_data_commands(app, status);
  add_docs_commands(app, status);
  add_run_commands(app, status);
  add_report_commands(app, status);
  add_plot_commands(app, status);
  add_predict_commands(app, status);
  add_train_commands(app, status);
  add_validate_commands(app, status);
}

}  // namespace

int main(int argc, char** argv) {
  CommandStatus status;
  try {
    CLI::App app{"vmsweep: hyperparameter sweeps of LSTM models that predict virtual-machine load"};
    configure(app, status);
    try {
      app.parse(arguments_with_implicit_run(argc, argv));
    } catch (const CLI::ParseError& e) {
      // --help and --version are "errors" with exit code 0; real parse errors are bad input.
      int code = app.exit(e);
      return code == 0 ? exit_ok : exit_bad_input;
    }
    return status.exit_code;
  } catch (const InputError& e) {
    std::cerr << "vmsweep: error: " << e.what() << "\n";
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::cerr << "vmsweep: error: " << e.what() << "\n";
    return exit_failure;
  }
}

}  // namespace vmsweep::cli
