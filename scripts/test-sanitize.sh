#!/usr/bin/env bash
# The whole test suite once more under AddressSanitizer + UndefinedBehaviorSanitizer (g++,
# -DVMSWEEP_SANITIZE=ON) in build-sanitize/. Every sanitizer report of every process a test starts
# (vmsweep under mpirun, under Slurm, from Python) goes to a file, so a report fails the pass even
# where a test expects a non-zero exit code or discards stderr. Leaks inside MPI and the libraries
# below it are suppressed (tests/sanitize/lsan.supp); vmsweep's own are not.
#   scripts/test-sanitize.sh [ctest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# -O1 -g1: half the compile time of -O2 -g under the sanitizers; reports still name file and line.
flags="-O1 -g1 -DNDEBUG"
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" -DVMSWEEP_SANITIZE=ON >/dev/null
cmake --build build-sanitize -j"$(nproc)"

reports=$root/build-sanitize/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
# MPI's components stay loaded until exit, so its leaks can be told from vmsweep's (keep_loaded.c).
# The preload comes before the ASan runtime, hence verify_asan_link_order=0. (ASan's slow unwinder
# would also name them, but makes the sweeps 3.6 times slower.)
cc -shared -fPIC -O2 -o build-sanitize/libkeep_loaded.so tests/sanitize/keep_loaded.c
export LD_PRELOAD=$root/build-sanitize/libkeep_loaded.so
export ASAN_OPTIONS="log_path=$reports/asan:exitcode=86:detect_leaks=1:verify_asan_link_order=0:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$reports/ubsan:exitcode=86:print_stacktrace=1:halt_on_error=1"
# The real-Slurm tests are left out: they run the same sweeps as the mpirun tests through sbatch and
# srun, mostly waiting for the scheduler, and would add minutes for no code path of vmsweep's own.
code=0
(cd build-sanitize && ctest --output-on-failure --timeout 900 -j"$(nproc)" -E "^slurm: " "$@") || code=$?
if [ -n "$(ls -A "$reports")" ]; then
  echo "test-sanitize: sanitizer reports:" >&2
  for report in "$reports"/*; do echo "== $report" >&2; cat "$report" >&2; done
  code=1
fi
exit "$code"
