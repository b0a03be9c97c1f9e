#pragma once
#include <cstdint>
#include <map>
#include <optional>

namespace vmsweep::dist {

// Trial id -> its objective (nullopt = failed, diverged, or not read), for trials whose files an
// earlier run left: a resumed sweep skips them and tells the sampler what they scored.
using FinishedTrials = std::map<std::int64_t, std::optional<double>>;

}  // namespace vmsweep::dist
