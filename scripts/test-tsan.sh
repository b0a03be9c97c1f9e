#!/usr/bin/env bash
# The dist layer under ThreadSanitizer (g++ -fsanitize=thread) in build-tsan/: the dist unit tests
# (coordinator, local worker thread, executor, interrupt watch, progress) and real mpirun sweeps
# (ranks, sigterm, hyperband, trial_logs) with a TSan-built vmsweep. Every report of every process goes to a file
# and fails the pass. Trials run with one OpenMP thread (the mpirun tests pass --threads 1): Debian's
# libgomp is not built with TSan, so TSan cannot see its barriers and reports every parallel loop
# (in oneDNN and in vmsweep's own omp loops) as a race; see docs/reliability.md, "Testing".
#   scripts/test-tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
flags="-O1 -g1 -DNDEBUG -fsanitize=thread"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build build-tsan -j"$(nproc)" --target test_dist vmsweep

reports=$root/build-tsan/tsan-reports
rm -rf "$reports"
mkdir -p "$reports"
export TSAN_OPTIONS="log_path=$reports/tsan:exitcode=86:halt_on_error=0:suppressions=$root/tests/sanitize/tsan.supp"
code=0
build-tsan/tests/test_dist || code=$?
for case_name in ranks sigterm hyperband trial_logs; do
  bash tests/dist/mpirun_sweep.sh "$root/build-tsan/vmsweep" "$case_name" >/dev/null || { echo "test-tsan: $case_name failed" >&2; code=1; }
done
if [ -n "$(ls -A "$reports")" ]; then
  echo "test-tsan: ThreadSanitizer reports:" >&2
  for report in "$reports"/*; do echo "== $report" >&2; cat "$report" >&2; done
  code=1
fi
[ "$code" -eq 0 ] && echo "test-tsan: the dist unit tests and 4 mpirun sweeps ran without a ThreadSanitizer report"
exit "$code"
