#pragma once
// How a plain (unquoted) YAML scalar is typed. YAML 1.2's core schema, with the spellings YAML 1.1
// gives another meaning either read as PyYAML (W&B's YAML reader) reads them or refused: a W&B
// sweep file means to vmsweep what it means to W&B.
#include <string>

#include "vmsweep/common/source_mark.hpp"
#include "vmsweep/common/value.hpp"

namespace vmsweep::sweep {

// null: empty, ~, null. Booleans: true/false and YAML 1.1's yes/no/on/off (in the three casings
// PyYAML knows). Integers: decimal, 0x hex, 0b binary, with _ separators. Reals: 1.5, 1e-4 (a
// string to PyYAML, which needs a dot: read as the number it was meant to be), .inf, .nan.
// InputError at `mark` for a number with a leading zero (octal in 1.1, decimal in 1.2), 0o octal
// (1.2 only) and base 60 (1:30, 1.1 only). Anything else is a string.
Value plain_scalar(const std::string& text, const SourceMark& mark);

}  // namespace vmsweep::sweep
