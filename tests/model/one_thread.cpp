// The model tests run with one OpenMP thread. The runners are shared: with 2 spinning OpenMP
// threads on a busy machine the tiny primitives here took up to 100x longer (see
// docs/onednn-lstm.md, item 9). Set once, in the main thread, before any test runs.
#include <omp.h>

namespace {
const bool one_openmp_thread = (omp_set_num_threads(1), true);
}
