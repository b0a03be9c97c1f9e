#!/usr/bin/env bash
# The README's test command: installs what is needed, builds, and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --slurm   # the Slurm tests start a real single-machine Slurm
scripts/fetch-data.sh
scripts/build.sh
cd build
ctest --output-on-failure --timeout 900 -j"$(nproc)"
