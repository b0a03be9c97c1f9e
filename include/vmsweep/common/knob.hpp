#pragma once
// A knob is one named setting a trial can take (a trainer hyperparameter or a data-block field).
// The tables of knobs live with their owners (train::trial_knobs(), data::data_knobs()); the sweep
// module validates parameter names and values against them, and docs/parameters.md lists them.
#include <limits>
#include <string_view>
#include <vector>

namespace vmsweep {

struct Knob {
  enum class Type { integer, real, string, boolean, int_list, any };

  std::string_view name;
  Type type = Type::any;
  std::string_view default_text;            // as written in a sweep file; empty = required or none
  std::string_view description;
  std::vector<std::string_view> choices;    // allowed strings for Type::string; empty = free text
  double min = -std::numeric_limits<double>::infinity();  // inclusive bounds for numbers
  double max = std::numeric_limits<double>::infinity();   //   (and for each element of int_list)
  bool data_field = false;                   // true: a field of the sweep file's data block
};

// "integer", "real", "string", "boolean", "int_list", "any": as docs/parameters.md writes the types.
std::string_view type_name(Knob::Type type);

}  // namespace vmsweep
