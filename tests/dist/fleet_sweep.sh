#!/usr/bin/env bash
# Fleet sweeps (issue 14) under real mpirun: fleet_sweep.sh VMSWEEP CASE, on three synthetic traces
# written by `vmsweep data synth` with different seeds (small grid, a few epochs: seconds).
#   inputs     data.path as a glob, a folder and a list: validate names the traces and counts
#              configurations x traces; a glob that matches nothing is exit 2 at the key
#   ranks      the fleet on 3 ranks equals it on 1 rank bitwise; /trials has the trace column,
#              /tables/baselines rows per trace, /fleet one row per trace (read with pandas)
#   bad_trace  a short trace among good ones: validate and run exit 2 naming it, nothing written;
#              with data.skip_bad: true it is skipped, said on stdout and in /sweep, the rest runs
#   resume     kill -9 of the whole job (one rank) once its third trial file is in place, then rerun on
#              two ranks: every trial once, bitwise equal to an uninterrupted run
#   shard      --shard 0/2 and 1/2 each run whole traces; `vmsweep aggregate` then equals the unsharded run
#   shard_bayes  the same for a bayes fleet (each trace's TPE is its own, so sharding by trace keeps it),
#              on one rank each
#   global     fleet: global: 2 trials (configurations, not x traces), each one model on all 3 traces;
#              3 ranks equal 1 rank bitwise, per-trace metrics included; /fleet one row per trace from
#              the trial best on the pooled val_mse, scored on that trace; validate counts each global
#              trial once and its work as the local fleet's; kill -9 after its first trial file, resume
set -euo pipefail

vmsweep=$1
case_name=$2
here=$(cd "$(dirname "$0")" && pwd)
check="/usr/bin/python3 $here/sweep_results.py"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 HWLOC_COMPONENTS=-x86
work=$(mktemp -d /tmp/vmsweep-fleet-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

. "$here/expect_code.sh"  # fail, expect_code

mkdir traces
for seed in 1 2 3; do
  "$vmsweep" data synth -o "traces/vm$seed.tsv" --steps 400 --seed "$seed" --interval H --level $((10 * seed)) \
    --gap-rate 0 >/dev/null
done

# fleet.yaml: 2 configurations x 3 traces.
write_sweep() {  # write_sweep NAME PATH [EXTRA DATA FIELDS]
  cat >"$1.yaml" <<YAML
name: $1
seed: 4
data: {path: $2, timestamp: datetime, value: load, split: {train: 0.7, val: 0.15, test: 0.15}${3:-}}
method: grid
parameters:
  look_back: {value: 12}
  layers: {value: [6]}
  learning_rate: {values: [0.003, 0.03]}
  epochs: {value: 4}
  patience: {value: 0}
  lr_schedule: {value: constant}
YAML
}
write_sweep fleet "'traces/*.tsv'"

run() {  # run RANKS RESULTS SWEEP [args...]
  local ranks=$1 results=$2 sweep=$3
  shift 3
  mpirun --oversubscribe -n "$ranks" "$vmsweep" run "$sweep" --results "$results" --threads 1 --quiet "$@"
}

case_inputs() {
  local out
  out=$("$vmsweep" validate fleet.yaml)
  echo "$out" | grep -q "trials: 6" || fail "a grid of 2 configurations on 3 traces is not 6 trials: $out"
  echo "$out" | grep -q "traces: 3 (fleet: local, one search each; 2 trials per trace)" || fail "no traces line: $out"
  echo "$out" | grep -q "traces/vm3.tsv" || fail "the traces are not listed: $out"
  write_sweep folder traces
  "$vmsweep" validate folder.yaml | grep -q "traces: 3" || fail "a folder is not 3 traces"
  write_sweep listed "[traces/vm2.tsv, 'traces/vm*.tsv']"
  "$vmsweep" validate listed.yaml | grep -q "trials: 6" || fail "a list with a repeated trace is not 6 trials"
  write_sweep nothing "'traces/*.csv'"
  local message code=0
  message=$("$vmsweep" validate nothing.yaml 2>&1) || code=$?
  [ "$code" -eq 2 ] || fail "a glob matching nothing exited $code"
  echo "$message" | grep -q "nothing.yaml:3:8: key 'data.path': the pattern traces/\*.csv matches no file" ||
    fail "unexpected message: $message"
}

case_ranks() {
  expect_code 0 "$vmsweep" run fleet.yaml --results one --threads 1 --quiet
  expect_code 0 run 3 three fleet.yaml
  $check same one/fleet.h5 three/fleet.h5
  [ "$($check count three/fleet.h5)" -eq 6 ] || fail "expected 6 trials"
  local traces
  traces=$($check traces three/fleet.h5 | awk '{print $2}' | sort | uniq -c | tr -s ' ' | tr '\n' ';')
  [ "$traces" = " 2 traces/vm1.tsv; 2 traces/vm2.tsv; 2 traces/vm3.tsv;" ] || fail "trials per trace: $traces"
  $check fleet three/fleet.h5 3
}

case_bad_trace() {
  "$vmsweep" data synth -o traces/vm4.tsv --steps 6 --seed 4 --interval H --gap-rate 0 >/dev/null
  local message code=0
  message=$("$vmsweep" validate fleet.yaml 2>&1) || code=$?
  [ "$code" -eq 2 ] || fail "validate with a short trace exited $code"
  echo "$message" | grep -q "1 of 4 traces cannot be used" || fail "unexpected message: $message"
  echo "$message" | grep -q "trace traces/vm4.tsv: " || fail "the bad trace is not named: $message"
  code=0
  message=$(run 2 out fleet.yaml 2>&1) || code=$?
  [ "$code" -eq 2 ] || fail "run with a short trace exited $code"
  echo "$message" | grep -q "trace traces/vm4.tsv: " || fail "run does not name the bad trace: $message"
  [ ! -e out ] || fail "run wrote $(find out) before refusing"

  write_sweep skipping "'traces/*.tsv'" ", skip_bad: true"
  "$vmsweep" validate skipping.yaml | grep -q "skipped (data.skip_bad) traces/vm4.tsv: " || fail "validate does not list the skipped trace"
  local output
  output=$(mpirun --oversubscribe -n 2 "$vmsweep" run skipping.yaml --results out --threads 1)
  echo "$output" | grep -q "skipped trace traces/vm4.tsv (data.skip_bad): " || fail "run does not list the skipped trace: $output"
  [ "$($check count out/skipping.h5)" -eq 6 ] || fail "expected 6 trials on the 3 good traces"
  $check skipped out/skipping.h5 | grep -q "^traces/vm4.tsv: " || fail "/sweep does not list the skipped trace"
}

# Kills a one-rank run of NAME.yaml with -9 once it has written AT trial files, then resumes it on 2
# ranks: the results equal an uninterrupted run's.
kill_then_resume() {  # NAME AT
  local name=$1 at=$2
  expect_code 0 run 2 reference "$name.yaml"
  rm -f paused paused.claimed
  setsid env VMSWEEP_PAUSE_AT="trial_file:$at" VMSWEEP_PAUSE_FILE="$work/paused" \
    mpirun --oversubscribe -n 1 "$vmsweep" run "$name.yaml" --results resumed --threads 1 --quiet &
  local job=$!
  for _ in $(seq 6000); do [ -f paused ] && break; kill -0 "$job" 2>/dev/null || fail "the job ended before trial file $at"; sleep 0.01; done
  [ -f paused ] || fail "no pause within a minute"
  local ranks
  ranks=$(pgrep -P "$job" | tr '\n' ' ')
  kill -9 -- "-$job"
  wait "$job" || true
  for pid in $ranks; do while kill -0 "$pid" 2>/dev/null; do sleep 0.01; done; done
  local kept
  kept=$(ls "resumed/$name/trials" | grep -c '\.h5$' || true)
  [ "$kept" -eq "$at" ] || fail "killed with $kept trial files, expected $at"
  [ ! -e "resumed/$name.h5" ] || fail "a killed sweep was aggregated"
  expect_code 0 run 2 resumed "$name.yaml"
  $check same "reference/$name.h5" "resumed/$name.h5"
}

case_resume() {
  kill_then_resume fleet 3
}

case_shard() {
  expect_code 0 run 2 whole fleet.yaml
  expect_code 0 run 1 sharded fleet.yaml --shard 0/2
  [ ! -e sharded/fleet.h5 ] || fail "a shard aggregated the sweep"
  # Shard 0 of 2 runs traces 0 and 2 (vm1, vm3) whole: trials 0, 2, 3, 5.
  local ids
  ids=$(ls sharded/fleet/trials | sort -n | tr '\n' ' ')
  [ "$ids" = "0.h5 2.h5 3.h5 5.h5 " ] || fail "shard 0/2 ran $ids"
  expect_code 0 run 1 sharded fleet.yaml --shard 1/2
  expect_code 0 "$vmsweep" aggregate sharded/fleet
  $check same whole/fleet.h5 sharded/fleet.h5
  $check fleet sharded/fleet.h5 3
}

case_shard_bayes() {
  sed -e 's/^name: fleet/name: tpe/' -e 's/^method: grid/method: bayes\nrun_cap: 3\nbayes: {n_startup: 1}/' \
    -e 's/learning_rate: {values: \[0.003, 0.03\]}/learning_rate: {min: 0.001, max: 0.05}/' fleet.yaml >tpe.yaml
  expect_code 0 "$vmsweep" run tpe.yaml --results whole --threads 1 --quiet
  [ "$($check count whole/tpe.h5)" -eq 9 ] || fail "expected 3 trials on each of 3 traces"
  expect_code 0 "$vmsweep" run tpe.yaml --results sharded --threads 1 --quiet --shard 1/2
  local ids
  ids=$(ls sharded/tpe/trials | sort -n | tr '\n' ' ')
  [ "$ids" = "1.h5 4.h5 7.h5 " ] || fail "shard 1/2 ran $ids"
  expect_code 0 "$vmsweep" run tpe.yaml --results sharded --threads 1 --quiet --shard 0/2
  expect_code 0 "$vmsweep" aggregate sharded/tpe
  $check same whole/tpe.h5 sharded/tpe.h5
}

case_global() {
  sed -e 's/^name: fleet/name: global\nfleet: global/' fleet.yaml >global.yaml
  local out
  out=$("$vmsweep" validate global.yaml)
  echo "$out" | grep -q "trials: 2" || fail "a global grid of 2 configurations is not 2 trials: $out"
  echo "$out" | grep -q "traces: 3 (fleet: global" || fail "no global traces line: $out"
  echo "$out" | grep -q "checked: 2 of 2 trials" || fail "a global trial checked on 3 traces is not 1 trial: $out"
  [ "$(echo "$out" | grep -c '^  #')" -eq 2 ] || fail "each global trial is not listed once: $out"
  # The same configurations on the same traces: a global sweep does a local fleet's work.
  local work_global work_local
  work_global=$(echo "$out" | grep "whole sweep at most .* TFLOP")
  work_local=$("$vmsweep" validate fleet.yaml | grep "whole sweep at most .* TFLOP")
  [ -n "$work_global" ] && [ "$work_global" = "$work_local" ] || fail "global work '$work_global' vs local '$work_local'"
  expect_code 0 "$vmsweep" run global.yaml --results one --threads 1 --quiet
  expect_code 0 run 3 three global.yaml
  $check same one/global.h5 three/global.h5
  $check global_fleet one/global.h5 three/global.h5
  kill_then_resume global 1
}

"case_$case_name"
echo "PASS: $case_name"
