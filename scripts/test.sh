#!/usr/bin/env bash
# The README's test command: installs what is needed, builds, and runs every test through ctest;
# then the same tests under ASan + UBSan, the dist layer under TSan, and each fuzz target for a minute
# (docs/reliability.md, "Testing"). Each pass has a build tree of its own: build/, build-sanitize/,
# build-tsan/, build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each pass's wall time, printed at the end (also when one fails) to keep CI within its 30 minutes.
timings=()
report_timings() { printf 'test.sh: %s\n' "${timings[@]}" >&2; }
trap report_timings EXIT
stage() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  timings+=("$name $((SECONDS - start)) s")
}
stage install-deps scripts/install-deps.sh --slurm --fuzz   # a single-machine Slurm, clang for fuzzing
stage fetch-data scripts/fetch-data.sh
stage build scripts/build.sh
stage ctest bash -c 'cd build && ctest --output-on-failure --timeout 900 -j"$(nproc)"'
stage sanitize scripts/test-sanitize.sh
stage tsan scripts/test-tsan.sh
stage fuzz scripts/fuzz.sh
