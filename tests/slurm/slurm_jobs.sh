#!/usr/bin/env bash
# Tests of the batch scripts in slurm/ against a real Slurm; run inside tests/slurm/local_cluster.sh:
#
#   local_cluster.sh slurm_jobs.sh VMSWEEP MPI_HELLO CASE
#
#   mpi_hello    one 2-task job runs an MPI program with `srun -n 2` (PMIx) and with `mpirun -n 2`
#   array        vmsweep.sbatch with 2 srun ranks, then the array form (2 shards and the dependent
#                aggregation job from submit-array.sh): both hold every trial once, bitwise equal
#   requeue      `scontrol requeue` in the middle of the sweep, and in a second job the time-limit
#                warning (USR1, the job requeues itself) with an mpirun rank: each job resumes, and
#                its results equal an uninterrupted run's, every trial exactly once
# SLURM_TEST_TRACE=1 prints every poll of a job's state (to debug a job that ends unexpectedly).
set -euo pipefail

vmsweep=$1
mpi_hello=$2
case_name=$3
here=$(cd "$(dirname "$0")" && pwd)
slurm_dir="$here/../../slurm"
sweep="$here/tiny.yaml"  # its data path is relative to the file, so it is used in place
trials=8
check="/usr/bin/python3 $here/../dist/sweep_results.py"

[ -n "${SLURM_CONF:-}" ] || { echo "slurm_jobs.sh: run me inside tests/slurm/local_cluster.sh" >&2; exit 2; }
export VMSWEEP="$vmsweep" OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d /tmp/vmsweep-slurm-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "FAIL: $*" >&2
  local log
  for log in "$work"/*.out; do
    if [ -f "$log" ]; then echo "---- $log"; cat "$log"; fi
  done >&2
  exit 1
}

job_field() {  # job_field JOB FIELD: one field of `scontrol show job`, empty once the job is gone
  scontrol --oneliner show job "$1" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1
}

# Waits up to $2 seconds for job $1 to end, and prints its exit code. A requeued job waits two
# minutes before it may start again (Slurm's requeue delay); here it may start at once.
wait_for_job() {
  local job=$1 deadline=$((SECONDS + $2)) state
  while [ "$SECONDS" -lt "$deadline" ]; do
    state=$(job_field "$job" JobState)
    [ -z "${SLURM_TEST_TRACE:-}" ] || echo "trace: job $job $state restarts=$(job_field "$job" Restarts) reason=$(job_field "$job" Reason)" >&2
    case "$state" in
      COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED)
        # A job that requeues itself (the time-limit warning) ends its batch script with the ranks'
        # code and shows that final-looking state for a moment before slurmctld makes it PENDING
        # again: a state counts as final only when it is still there a second later.
        sleep 1
        if [ "$(job_field "$job" JobState)" = "$state" ]; then
          job_field "$job" ExitCode | cut -d: -f1
          return 0
        fi ;;
      "") fail "job $job vanished from the queue before it was seen to end" ;;
      PENDING)
        # Release a requeued job, but not within the second of its requeue: slurmd compares
        # credential times in whole seconds and refuses ("Job credential revoked") a new launch
        # stamped with the same second as the revocation, failing the job with exit code 1.
        if [ "$(job_field "$job" Reason)" = BeginTime ]; then
          sleep 2
          scontrol update JobId="$job" StartTime=now
        fi ;;
    esac
    sleep 0.3
  done
  fail "job $job did not end within $2 s (state $state)"
}

expect_job_code() {  # expect_job_code JOB CODE
  local code
  code=$(wait_for_job "$1" 90)
  [ "$code" = "$2" ] || fail "job $1 exited with $code, expected $2"
}

trial_files() { find "$1/tiny/trials" -name '*.h5' 2>/dev/null | wc -l; }

wait_for_first_trial() {  # wait_for_first_trial RESULTS: at most 60 s
  local deadline=$((SECONDS + 60))
  until [ "$(trial_files "$1")" -ge 1 ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "no trial finished within 60 s"
    sleep 0.1
  done
}

expect_complete() {  # expect_complete RESULTS_FILE: every trial once, all ok
  local statuses
  statuses=$($check statuses "$1" | awk '{print $2}' | sort | uniq -c | tr -s ' ')
  [ "$statuses" = " $trials ok" ] || fail "$1: expected $trials trials, all ok, got:$statuses"
}

# submit_sweep RESULTS [TASKS]: the sweep as one MPI job of TASKS ranks (2); results in $work/RESULTS.
submit_sweep() {
  VMSWEEP_RESULTS="$work/$1" sbatch --parsable --ntasks="${2:-2}" "$slurm_dir/vmsweep.sbatch" "$sweep"
}

case_mpi_hello() {
  cat >hello.sbatch <<EOF
#!/bin/bash
#SBATCH --ntasks=2
#SBATCH --output=hello.out
set -e
srun -n 2 "$mpi_hello"
mpirun -n 2 "$mpi_hello"
EOF
  local code=0
  timeout 60 sbatch --wait hello.sbatch >/dev/null || code=$?
  [ "$code" -eq 0 ] || fail "the MPI hello job exited with $code"
  local greetings
  greetings=$(grep -c "of 2, rank sum 1$" hello.out || true)
  [ "$greetings" -eq 4 ] || fail "expected 4 greetings of a 2-rank world (srun and mpirun), got $greetings"
  grep -q "hello from rank 1 of 2" hello.out || fail "rank 1 never ran"
}

case_array() {
  expect_job_code "$(submit_sweep mpi)" 0
  expect_complete mpi/tiny.h5
  local jobs
  jobs=$(VMSWEEP_RESULTS="$work/array" "$slurm_dir/submit-array.sh" "$sweep" 2)
  expect_job_code "${jobs#* }" 0
  [ "$(grep -l "vmsweep exited with 0" vmsweep-[0-9]*.out | wc -l)" -eq 3 ] ||
    fail "expected the MPI job and both array tasks to exit 0"
  [ "$(grep -l "\[summary\] $((trials / 2))/$((trials / 2)) done" vmsweep-[0-9]*.out | wc -l)" -eq 2 ] ||
    fail "expected each array task to run half of the trials"
  # One rank on a 2-core node would take both cores; SLURM_CPUS_PER_TASK=1 must win.
  [ "$(grep -l "1 ranks x 1 threads" vmsweep-[0-9]*.out | wc -l)" -eq 2 ] ||
    fail "expected each array task to run 1 rank of 1 thread (--cpus-per-task=1)"
  grep -q "aggregates $work/array/tiny" vmsweep-aggregate-*.out || fail "the aggregation job did not run"
  expect_complete array/tiny.h5
  $check same mpi/tiny.h5 array/tiny.h5
}

# interrupted_run RESULTS TASKS HOW...: submits the sweep, interrupts it with `HOW... JOB` once a
# trial has finished, waits for the job to end, and prints how many finished trials its restart
# resumed from (nothing if it did not restart).
interrupted_run() {
  local results=$1 tasks=$2 job
  shift 2
  job=$(submit_sweep "$results" "$tasks")
  wait_for_first_trial "$results"
  "$@" "$job"
  expect_job_code "$job" 0
  local log="vmsweep-$job.out"
  grep -q "(restart 1)" "$log" || return 0
  sed -n 's/^sweep tiny: [0-9]* trials, \([0-9]*\) already finished.*/\1/p' "$log" | tail -n 1
}

# interrupt_mid_sweep RESULTS TASKS HOW...: the interrupted job must resume from some but not all
# trials and end with every trial exactly once, equal to the uninterrupted run. Slurm's signals take
# from 0.1 to several seconds to arrive: when one lands after the sweep's end, the run is repeated.
interrupt_mid_sweep() {
  local results=$1 tasks=$2 attempt resumed_from
  shift 2
  for attempt in 1 2 3; do
    rm -rf "${results:?}"
    resumed_from=$(interrupted_run "$results" "$tasks" "$@")
    if [ -n "$resumed_from" ] && [ "$resumed_from" -ge 1 ] && [ "$resumed_from" -lt "$trials" ]; then
      echo "'$*' mid-sweep: the restarted job resumed from $resumed_from of $trials trials"
      expect_complete "$results/tiny.h5"
      $check same reference/tiny.h5 "$results/tiny.h5"
      return 0
    fi
    echo "attempt $attempt: '$*' did not land mid-sweep (restart resumed from '${resumed_from:-no restart}')"
  done
  fail "'$*' never interrupted the sweep in the middle"
}

time_limit_warning() { scancel --signal=USR1 --batch "$1"; }  # what --signal=B:USR1@120 sends

case_requeue() {
  expect_job_code "$(submit_sweep reference)" 0
  interrupt_mid_sweep requeued 2 scontrol requeue
  # One rank: mpirun's bound ranks train fast enough here to end the sweep before the signal lands.
  VMSWEEP_LAUNCHER=mpirun interrupt_mid_sweep warned 1 time_limit_warning
  grep -q "requeueing job" vmsweep-[0-9]*.out || fail "the time-limit warning did not requeue the job"
}

"case_$case_name"
echo "PASS: $case_name"
