#!/usr/bin/env bash
# Submits the job-array form of a sweep: SHARDS array tasks, each running its shard of the sweep
# (slurm/vmsweep.sbatch as an array task runs `vmsweep run --shard I/SHARDS`), and one job that
# aggregates the shards into RESULTS/NAME.h5 once they have all ended.
#
#   slurm/submit-array.sh SWEEP.yaml SHARDS [vmsweep run options]
#
# sbatch options for the array tasks go in SBATCH_* variables or VMSWEEP_ARRAY_SBATCH_OPTIONS (e.g.
# "--cpus-per-task=8 --time=4:00:00"); VMSWEEP, VMSWEEP_RESULTS and VMSWEEP_LAUNCHER are as in
# vmsweep.sbatch. Prints the two job ids: array, then aggregation.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
  echo "usage: submit-array.sh SWEEP.yaml SHARDS [vmsweep run options]" >&2
  exit 2
}

# The sweep's `name:`, which names its results folder (letters, digits, - and _, maybe quoted).
sweep_name() {
  local name
  name=$(sed -n -E "s/^name:[[:space:]]*[\"']?([A-Za-z0-9_-]+)[\"']?[[:space:]]*(#.*)?$/\1/p" "$1" | head -n 1)
  [ -n "$name" ] || { echo "submit-array.sh: $1: no top-level 'name:' line" >&2; exit 2; }
  echo "$name"
}

main() {
  [ $# -ge 2 ] || usage
  local sweep=$1 shards=$2
  shift 2
  [[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "submit-array.sh: SHARDS must be a positive number, not '$shards'" >&2; exit 2; }
  [ -f "$sweep" ] || { echo "submit-array.sh: $sweep: no such file" >&2; exit 2; }
  local folder array_job aggregate_job
  folder="${VMSWEEP_RESULTS:-results}/$(sweep_name "$sweep")"
  # shellcheck disable=SC2086  # the extra options are meant to split
  array_job=$(sbatch --parsable --array="0-$((shards - 1))" --ntasks=1 ${VMSWEEP_ARRAY_SBATCH_OPTIONS:-} \
    "$here/vmsweep.sbatch" "$sweep" "$@")
  array_job=${array_job%%;*}  # --parsable prints "id;cluster" on federated clusters
  aggregate_job=$(sbatch --parsable --dependency="afterany:$array_job" "$here/vmsweep-aggregate.sbatch" "$folder")
  echo "$array_job ${aggregate_job%%;*}"
}

main "$@"
