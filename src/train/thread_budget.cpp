#include "thread_budget.hpp"

#include <omp.h>

#include "vmsweep/common/error.hpp"

namespace vmsweep::train {

namespace {
int checked(int threads) {
  if (threads < 1) throw InputError("a trial needs at least one thread, got " + std::to_string(threads));
  return threads;
}
}  // namespace

ThreadBudget::ThreadBudget(int threads)
    : threads_(checked(threads)), previous_omp_threads_(omp_get_max_threads()), arena_(threads) {
  omp_set_num_threads(threads_);
}

ThreadBudget::~ThreadBudget() { omp_set_num_threads(previous_omp_threads_); }

}  // namespace vmsweep::train
