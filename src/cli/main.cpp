#include "vmsweep/cli/main.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "vmsweep/common/did_you_mean.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/version.hpp"
#include "vmsweep/train/wait_policy.hpp"

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

// CLI11 answers a first word that names no command with "A subcommand is required", which hides
// the typo; `arguments` are back to front, as parse() takes them.
void require_known_command(const CLI::App& app, const std::vector<std::string>& arguments) {
  if (arguments.empty() || arguments.back().starts_with('-')) return;
  const std::string& word = arguments.back();
  std::vector<std::string_view> names;
  std::string listed;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (command->get_name() == word) return;
    names.push_back(command->get_name());
    listed += (listed.empty() ? "" : ", ") + command->get_name();
  }
  throw InputError("unknown command '" + word + "'" + did_you_mean(word, names) + "; the commands are " + listed +
                   " (or a sweep file ending in .yaml, which runs it)");
}

}  // namespace

int main(int argc, char** argv) {
  train::adopt_wait_policy(argv);  // first: it may replace this process
  CommandStatus status;
  try {
    CLI::App app{"vmsweep: hyperparameter sweeps of LSTM models that predict virtual-machine load"};
    configure(app, status);
    std::vector<std::string> arguments = arguments_with_implicit_run(argc, argv);
    require_known_command(app, arguments);
    try {
      app.parse(arguments);
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
