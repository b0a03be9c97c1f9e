#include "vmsweep/data/thread_limit.hpp"

#include <tbb/task_arena.h>

namespace vmsweep::data {

void with_thread_limit(int threads, const std::function<void()>& work) {
  tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
  arena.execute(work);
}

}  // namespace vmsweep::data
