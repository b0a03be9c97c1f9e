#!/usr/bin/env bash
# The README's test command: installs what is needed, builds, and runs every test through ctest;
# then the same tests under ASan + UBSan, the dist layer under TSan, and each fuzz target for a minute
# (docs/reliability.md, "Testing"). Each pass has a build tree of its own: build/, build-sanitize/,
# build-tsan/, build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --slurm --fuzz   # a single-machine Slurm for the Slurm tests, clang for fuzzing
scripts/fetch-data.sh
scripts/build.sh
(cd build && ctest --output-on-failure --timeout 900 -j"$(nproc)")
scripts/test-sanitize.sh
scripts/test-tsan.sh
scripts/fuzz.sh
