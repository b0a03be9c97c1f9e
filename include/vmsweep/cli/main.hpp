#pragma once

namespace vmsweep::cli {

// Parses the command line, runs the subcommand and turns any exception into one message on
// stderr and an exit code (0 ok, 1 failure, 2 bad input).
int main(int argc, char** argv);

}  // namespace vmsweep::cli
