#pragma once
// Running data preparation on a given number of threads, for callers that do not link oneTBB
// themselves (the command line's --threads, the benchmark).
#include <functional>

namespace vmsweep::data {

// Runs `work` in a oneTBB arena of `threads` threads (0: all the machine's), so the parallel parts
// of prepare() and write_synthetic_trace() use at most that many.
void with_thread_limit(int threads, const std::function<void()>& work);

}  // namespace vmsweep::data
