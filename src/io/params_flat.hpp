#pragma once
// A trial's parameters as flat (name, value) pairs: nested maps become dotted names
// ("data.freq"), lists stay whole. This is the shape of the typed params group and of the
// parameter columns of /trials.
#include <string>
#include <utility>
#include <vector>

#include "vmsweep/common/value.hpp"

namespace vmsweep::io {

std::vector<std::pair<std::string, const Value*>> flatten_params(const Value& params);

}  // namespace vmsweep::io
