// `vmsweep docs parameters`: the generated reference pages, so the committed docs are written by the
// code they describe (a test compares them).
#include <iostream>

#include "commands.hpp"
#include "vmsweep/train/parameters.hpp"

namespace vmsweep::cli {

void add_docs_commands(CLI::App& app, CommandStatus&) {
  auto* docs = app.add_subcommand("docs", "Print a generated reference page (docs/parameters.md) to standard output");
  docs->group("Developer");
  docs->require_subcommand(1);
  docs->add_subcommand("parameters", "docs/parameters.md: every trial parameter and data field")->callback([] {
    std::cout << train::parameters_markdown();
  });
}

}  // namespace vmsweep::cli
