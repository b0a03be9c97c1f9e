#pragma once
// Trial parameters as a report shows them: nested maps flattened to dotted names (resample.freq),
// and only the parameters that differ between trials (what the sweep varied).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "vmsweep/common/value.hpp"
#include "vmsweep/io/stored_trial.hpp"

namespace vmsweep::cli {

using FlatParams = std::vector<std::pair<std::string, Value>>;

FlatParams flatten_params(const Value& params);
const Value* find_param(const FlatParams& params, const std::string& name);
// A top-level integer parameter (horizon, look_back), or `fallback` when absent or not an integer.
std::int64_t int_param(const Value& params, const char* name, std::int64_t fallback);

// Names in first-seen order whose value is not the same in every trial; the per-trial seed excluded
// (repeats differ only in it).
std::vector<std::string> varying_params(const std::vector<io::StoredTrial>& trials);

}  // namespace vmsweep::cli
