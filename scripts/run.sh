#!/usr/bin/env bash
# The README's main command: installs, builds, and runs the main job on the local cores.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/fetch-data.sh
scripts/build.sh
build/vmsweep data inspect data/aa.txt
