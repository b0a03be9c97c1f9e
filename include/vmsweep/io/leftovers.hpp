#pragma once
// What a killed writer leaves behind: "<file>.tmp-<host>-<pid>-<thread>" beside the stamp, the
// baselines, the trial files, and (in the results root) this sweep's aggregate.
#include <cstddef>

#include "vmsweep/io/results_layout.hpp"

namespace vmsweep::io {

// Removes all of them and returns how many; other sweeps' files in the results root are left alone.
// Only safe while no other process writes this sweep: call it holding the whole SweepLock.
std::size_t remove_leftovers(const ResultsLayout& layout);

}  // namespace vmsweep::io
