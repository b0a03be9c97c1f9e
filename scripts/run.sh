#!/usr/bin/env bash
# The README's main command: installs, builds, runs a real sweep with mpirun on the local cores,
# then prints the leaderboard and draws the plots.
#   scripts/run.sh [SWEEP.yaml]        default sweeps/quickstart.yaml (36 small trials, about 20 s of training on 2 cores)
# Rerunning resumes: finished trials are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
sweep="${1:-sweeps/quickstart.yaml}"

scripts/install-deps.sh
scripts/fetch-data.sh
scripts/build.sh   # the build scripts/test.sh tests, so running both builds once

name=$(sed -n 's/^name:[[:space:]]*\([A-Za-z0-9_-]*\).*/\1/p' "$sweep" | head -n 1)
if [ -z "$name" ]; then
  echo "run.sh: $sweep has no top-level 'name:'" >&2
  exit 2
fi
if [ "$(id -u)" -eq 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
ranks=$(nproc)
echo "run.sh: mpirun -n $ranks build/vmsweep run $sweep"
# One rank per core, each bound to its core and training with one thread: the best throughput
# for small LSTMs (docs/running-sweeps.md).
mpirun -n "$ranks" -x OMP_WAIT_POLICY=passive build/vmsweep run "$sweep"
build/vmsweep report "results/$name.h5" --top 10
build/vmsweep plot "results/$name.h5" -o "results/$name/plots"
echo "run.sh: results in results/$name.h5, plots in results/$name/plots/"
