#pragma once
// Checks for numeric options whose messages say what was expected. CLI11's PositiveNumber and
// NonNegativeNumber are ranges up to DBL_MAX and print it in full ("--threads: Value 0 not in
// range 0.000000 to 17976931348623157081452742373170435679807056752584499659891747680315726...").
#include <CLI/CLI.hpp>

namespace vmsweep::cli {

// "--threads: expected a number greater than 0, got 0"
CLI::Validator positive_number();
// "--show: expected a number of 0 or more, got -1"
CLI::Validator non_negative_number();

}  // namespace vmsweep::cli
