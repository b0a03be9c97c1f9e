#include "commands.hpp"

namespace vmsweep::cli {

void add_data_commands(CLI::App& app, CommandStatus& /*status*/) {
  auto* data = app.add_subcommand("data", "Inspect load traces and generate synthetic ones");
  data->require_subcommand(1);
}

}  // namespace vmsweep::cli
