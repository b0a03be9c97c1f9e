#include "number_checks.hpp"

#include <string>

namespace vmsweep::cli {

namespace {

CLI::Validator number_check(const std::string& expected, const std::string& label, bool (*accepts)(double)) {
  auto check = [expected, accepts](std::string& input) -> std::string {
    double number = 0.0;
    if (CLI::detail::lexical_cast(input, number) && accepts(number)) return {};
    return "expected " + expected + ", got " + input;
  };
  return CLI::Validator(check, label);
}

}  // namespace

CLI::Validator positive_number() {
  return number_check("a number greater than 0", "POSITIVE", [](double number) { return number > 0.0; });
}

CLI::Validator non_negative_number() {
  return number_check("a number of 0 or more", "NONNEGATIVE", [](double number) { return number >= 0.0; });
}

}  // namespace vmsweep::cli
