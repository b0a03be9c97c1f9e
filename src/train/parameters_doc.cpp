// docs/parameters.md, generated from the declarations (`vmsweep docs parameters`).
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "vmsweep/train/parameters.hpp"

namespace vmsweep::train {

namespace {

constexpr const char* kPreface = R"(# Parameters

Every name a sweep file's `parameters` may use, and every field of its `data:` block, in one table.
This file is generated from the declarations in the code (src/train/parameters.cpp followed by
src/data/parameters.cpp) by `vmsweep docs parameters > docs/parameters.md`; a test
(tests/sweep/test_parameters_doc.cpp) fails when the committed file differs from what the code says.

- **type**: `integer`, `real`, `string` (with its choices where they are fixed), `boolean`,
  `int_list` (a list of integers such as `[128, 64]`), or `any` (a structured value the data
  module reads: a column name or number, a `{freq, agg}` map, a split map).
- **default**: what a trial uses when neither the data block nor the parameters give it. The
  defaults are the notebook's setup. `—`: no default (`path` is required).
- **range**: inclusive bounds for numbers (for `int_list`, of each element). A sweep file is
  refused when a value or a bounded distribution leaves the range; draws of the unbounded
  `normal` family are clipped into it.
- **block**: `trainer` for hyperparameters, `data` for fields of the data block. A data field can
  also be swept as a parameter: the parameter overrides the data block for that trial.
- `seed` is set for every trial from the sweep's `seed` and the repeat index (see
  [sweep-files.md](sweep-files.md)); sweeping it makes the swept value the base of that derivation.

| name | type | default | range or choices | block | description |
|---|---|---|---|---|---|
)";

// 20 as it is, 1e6 rather than 1e+06, 0.999999 as it is, inf for an open end.
std::string bound_text(double bound) {
  if (std::isinf(bound)) return bound > 0 ? "inf" : "-inf";
  char text[32];
  if (bound == std::floor(bound) && std::abs(bound) < 1e4) {
    std::snprintf(text, sizeof text, "%.0f", bound);
    return text;
  }
  for (int precision = 1; precision <= 17; ++precision) {  // the shortest text that reads back exactly
    std::snprintf(text, sizeof text, "%.*g", precision, bound);
    if (std::strtod(text, nullptr) == bound) break;
  }
  std::string written = text;
  for (const char* noise : {"e+0", "e+", "e-0"}) {
    const auto at = written.find(noise);
    if (at == std::string::npos) continue;
    written.replace(at, std::string(noise).size(), noise[1] == '-' ? "e-" : "e");
    break;
  }
  return written;
}

std::string range_text(const Knob& knob) {
  std::string text;
  for (std::string_view choice : knob.choices) text += (text.empty() ? "" : ", ") + std::string(choice);
  if (!text.empty()) return text;
  const bool numeric = knob.type == Knob::Type::integer || knob.type == Knob::Type::real ||
                       knob.type == Knob::Type::int_list;
  return numeric ? "[" + bound_text(knob.min) + ", " + bound_text(knob.max) + "]" : "";
}

// A '|' inside a cell would end it.
std::string cell(std::string_view text) {
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return escaped;
}

}  // namespace

std::string parameters_markdown() {
  std::string text = kPreface;
  for (const Knob& knob : all_knobs()) {
    text += "| `" + std::string(knob.name) + "` | " + std::string(type_name(knob.type)) + " | " +
            (knob.default_text.empty() ? std::string("—") : cell(knob.default_text)) + " | " + range_text(knob) +
            " | " + (knob.data_field ? "data" : "trainer") + " | " + cell(knob.description) + " |\n";
  }
  return text;
}

}  // namespace vmsweep::train
