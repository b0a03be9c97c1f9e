#pragma once
// A trial's thread budget: exactly `threads` threads for oneDNN (OpenMP) and for TBB work.
// oneDNN asks omp_get_max_threads() of the calling thread when a primitive executes, and that
// setting is per thread, so several trials can run at once, one per std::thread, each with its
// own budget. Create it in the thread that builds and runs the model.
#include <utility>

#include <tbb/task_arena.h>

namespace vmsweep::train {

class ThreadBudget {
public:
  explicit ThreadBudget(int threads);
  ~ThreadBudget();  // gives the calling thread its previous OpenMP setting back
  ThreadBudget(const ThreadBudget&) = delete;
  ThreadBudget& operator=(const ThreadBudget&) = delete;

  int threads() const { return threads_; }
  // Runs `work` in this thread with TBB parallelism limited to the budget.
  template <class Work>
  decltype(auto) run_in_arena(Work&& work) {
    return arena_.execute(std::forward<Work>(work));
  }

private:
  int threads_;
  int previous_omp_threads_;
  tbb::task_arena arena_;
};

}  // namespace vmsweep::train
