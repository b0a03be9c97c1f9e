#pragma once
// Parsers of the sweep file's smaller sections, each checking its own keys and values.
#include <filesystem>
#include <span>
#include <string>

#include "vmsweep/common/knob.hpp"
#include "vmsweep/common/value.hpp"
#include "vmsweep/sweep/sweep_spec.hpp"

namespace vmsweep::sweep {

Metric parse_metric(const Value& block);
EarlyTerminate parse_early_terminate(const Value& block);
BayesOptions parse_bayes_options(const Value& block);
// Letters, digits, - and _: the name becomes results/<name>.h5.
std::string checked_name(const Value& name);

// The data block, each field checked against its knob and `path` made absolute: relative to
// base_dir when the file is there, else to the working directory.
// path_required: false when `path` is a swept parameter instead.
Value parse_data_block(const Value& block, std::span<const Knob> knobs, const std::filesystem::path& base_dir,
                       bool path_required);
// A data path resolved the same way; InputError naming both places tried when it is in neither.
std::string resolve_data_path(const Value& path, const std::filesystem::path& base_dir);

}  // namespace vmsweep::sweep
