#pragma once
// Errors. Library code throws; the command line catches once and maps to an exit code.
//   InputError    the user's input is wrong (a file, an option, a value): exit code 2
//   Error         anything else that stops a command: exit code 1
#include <stdexcept>
#include <string>
#include <string_view>

#include "vmsweep/common/source_mark.hpp"

namespace vmsweep {

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class InputError : public Error {
public:
  using Error::Error;
  // "FILE:LINE:COL: message", or "FILE: message" when the line is unknown.
  InputError(const SourceMark& where, const std::string& message);
};

// "FILE:LINE:COL: key 'KEY': message" -- the one shape of an error about a keyed setting (a sweep-file
// path such as data.resample, or a trial parameter's name).
InputError key_error(const SourceMark& where, std::string_view key, const std::string& message);

// Exit codes of the command line.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_bad_input = 2;

}  // namespace vmsweep
