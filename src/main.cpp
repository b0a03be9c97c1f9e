#include "vmsweep/cli/main.hpp"

int main(int argc, char** argv) { return vmsweep::cli::main(argc, argv); }
