#!/usr/bin/env bash
# Real-mpirun tests of `vmsweep run`: mpirun_sweep.sh VMSWEEP CASE
#   ranks          grid9 on 1, 2 and 3 ranks (oversubscribed): same trials, metrics bitwise equal
#   kill_worker    kill -9 of one worker rank once the first trial file appears, rerun: every trial once,
#                  metrics as uninterrupted
#   kill_all       kill -9 of mpirun and all its ranks at the same point, rerun: the same
#   failures       a diverging and a failing trial are recorded, the sweep goes on, exit code 3
#   bad_input      an unwritable results folder (a file in the way; a folder without write permission) and a
#                  folder of a changed sweep file: exit 2, nothing trained
#   sigterm        SIGTERM stops a sweep (exit 4) keeping what finished; the rerun completes it
#   sigterm_rank0  SIGTERM to rank 0 only: the workers abandon their trials unrecorded; the rerun completes it
#   hyperband      early_terminate prunes the useless learning rates: exactly those on one rank (recorded as
#                  stopped with the pruner's reason, exit 0, kept on resume, judged alike when rerun after
#                  a resume); on two ranks what holds for every arrival order
set -euo pipefail

vmsweep=$1
case_name=$2
here=$(cd "$(dirname "$0")" && pwd)
check="/usr/bin/python3 $here/sweep_results.py"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d /tmp/vmsweep-dist-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$here"/sweeps/*.yaml .
sed -i "s|path: ../../../data/aa.txt|path: $here/../../data/aa.txt|" ./*.yaml

fail() { echo "FAIL: $*" >&2; exit 1; }

# run RANKS RESULTS SWEEP [args...]: one sweep, threads fixed at 1 so every rank count computes alike.
run() {
  local ranks=$1 results=$2 sweep=$3
  shift 3
  mpirun --oversubscribe -n "$ranks" "$vmsweep" run "$sweep" --results "$results" --threads 1 --quiet "$@"
}

expect_code() {
  local expected=$1
  shift
  local code=0
  "$@" || code=$?
  [ "$code" -eq "$expected" ] || fail "'$*' exited with $code, expected $expected"
}

# wait_for_first_trial RESULTS [SWEEP]: waits until the first trial file of SWEEP (grid9) exists under
# RESULTS (at most 60 s).
wait_for_first_trial() {
  for _ in $(seq 600); do
    if compgen -G "$1/${2:-grid9}/trials/*.h5" >/dev/null; then return 0; fi
    sleep 0.1
  done
  fail "no trial finished within 60 s"
}

rank_pid() {  # rank_pid MPIRUN_PID RANK: the pid of that rank among mpirun's children
  for pid in $(pgrep -P "$1"); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "OMPI_COMM_WORLD_RANK=$2"; then echo "$pid"; return; fi
  done
  fail "rank $2 of mpirun $1 not found"
}

case_ranks() {
  expect_code 0 "$vmsweep" run grid9.yaml --results one --threads 1 --quiet  # one rank, no mpirun
  expect_code 0 run 2 two grid9.yaml
  expect_code 0 run 3 three grid9.yaml
  $check same one/grid9.h5 two/grid9.h5
  $check same one/grid9.h5 three/grid9.h5
  [ "$($check count three/grid9.h5)" -eq 9 ] || fail "expected 9 trials"
}

# interrupted_then_resumed VICTIM: VICTIM is "worker" or "all". The kill comes when the first trial
# file appears (a point the sweep reports, not a time). long9 is grid9 with 200 epochs: about a
# second of CPU per trial, so the six or more trials still to run after the first file give the
# test seconds to react, however loaded the machine (grid9's 0.1 s trials could all finish first).
interrupted_then_resumed() {
  expect_code 0 run 3 reference long9.yaml
  setsid mpirun --oversubscribe -n 3 "$vmsweep" run long9.yaml --results resumed --threads 1 --quiet &
  local mpirun_pid=$!
  wait_for_first_trial resumed long9
  if [ "$1" = worker ]; then
    kill -9 "$(rank_pid "$mpirun_pid" 1)"
  else
    kill -9 -- "-$mpirun_pid"  # mpirun and every rank: the whole job dies at once
  fi
  local code=0
  wait "$mpirun_pid" || code=$?
  [ "$code" -ne 0 ] || fail "the killed sweep exited 0"
  local kept
  kept=$(ls resumed/long9/trials | grep -c '\.h5$' || true)
  [ "$kept" -lt 9 ] || fail "the sweep finished before the kill; nothing was tested"
  echo "killed with $kept of 9 trials finished"
  expect_code 0 run 3 resumed long9.yaml
  $check same reference/long9.h5 resumed/long9.h5
}

case_kill_worker() { interrupted_then_resumed worker; }
case_kill_all() { interrupted_then_resumed all; }

case_failures() {
  expect_code 3 run 2 out failures.yaml
  local statuses
  statuses=$($check statuses out/failures.h5 | tr '\n' ' ')
  [ "$statuses" = "0 ok 1 diverged 2 failed 3 failed " ] || fail "unexpected statuses: $statuses"
}

# A results folder without write permission. Root writes anywhere, so as root vmsweep runs as nobody
# (setpriv drops the capabilities with the uid), from world-readable copies in a folder of their own.
check_read_only_results() {
  local box
  box=$(mktemp -d /tmp/vmsweep-read-only.XXXXXX)
  chmod 755 "$box"
  cp "$vmsweep" "$box/vmsweep"
  cp "$here/../../data/aa.txt" "$box/aa.txt"
  sed "s|path: .*aa.txt|path: $box/aa.txt|" grid9.yaml >"$box/grid9.yaml"
  mkdir -m 555 "$box/locked"
  local as_user=()
  [ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  local code=0 message
  message=$("${as_user[@]}" "$box/vmsweep" run "$box/grid9.yaml" --results "$box/locked" --threads 1 --quiet 2>&1) || code=$?
  local left
  left=$(find "$box/locked" -mindepth 1 | wc -l)
  rm -rf "$box"
  [ "$code" -eq 2 ] || fail "a read-only results folder: exit code $code, expected 2: $message"
  grep -q "$box/locked" <<<"$message" || fail "the message does not name the folder: $message"
  grep -q "Permission denied" <<<"$message" || fail "the message does not say why: $message"
  [ "$left" -eq 0 ] || fail "something was written into the read-only folder"
}

case_bad_input() {
  touch not-a-folder
  expect_code 2 run 2 not-a-folder grid9.yaml
  check_read_only_results
  expect_code 0 run 2 out failures.yaml --fake-trial-ms 1
  sed -i 's/epochs: {value: 3}/epochs: {value: 4}/' failures.yaml
  local message
  message=$(run 2 out failures.yaml 2>&1) && fail "a changed sweep file was accepted"
  grep -q -- "--force-resume" <<<"$message" || fail "the refusal does not say how to force: $message"
  grep -q "name" <<<"$message" || fail "the refusal does not say how to start a new sweep: $message"
  expect_code 0 run 2 out failures.yaml --fake-trial-ms 1 --force-resume
}

case_sigterm() {
  # One process, so the signal reaches vmsweep itself (mpirun turns SIGTERM into a kill of its ranks).
  "$vmsweep" run grid9.yaml --results out --threads 1 --quiet --fake-trial-ms 400 &
  local pid=$!
  sleep 1.5
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  [ "$code" -eq 4 ] || fail "SIGTERM: exit code $code, expected 4"
  local kept
  kept=$(ls out/grid9/trials | grep -c '\.h5$' || true)
  { [ "$kept" -ge 1 ] && [ "$kept" -lt 9 ]; } || fail "SIGTERM kept $kept trials, expected 1 to 8"
  expect_code 0 "$vmsweep" run grid9.yaml --results out --threads 1 --quiet --fake-trial-ms 400
  [ "$($check count out/grid9.h5)" -eq 9 ] || fail "the resumed sweep does not hold 9 trials"
}

case_sigterm_rank0() {
  mpirun --oversubscribe -n 3 "$vmsweep" run grid9.yaml --results out --threads 1 --quiet --fake-trial-ms 1500 &
  local mpirun_pid=$!
  wait_for_first_trial out
  sleep 0.5  # the second round of trials is running
  kill -TERM "$(rank_pid "$mpirun_pid" 0)"
  local code=0
  wait "$mpirun_pid" || code=$?
  [ "$code" -eq 4 ] || fail "SIGTERM to rank 0: exit code $code, expected 4"
  expect_code 0 run 3 out grid9.yaml --fake-trial-ms 10
  local statuses
  statuses=$($check statuses out/grid9.h5 | awk '{print $2}' | sort | uniq -c | tr -s ' ')
  [ "$statuses" = " 9 ok" ] || fail "abandoned trials were recorded: $statuses"
}

# expect_pruned RESULTS ID EPOCH PEERS: trial ID was pruned at EPOCH among PEERS trials at that band.
expect_pruned() {
  local line
  line=$($check reasons "$1" | grep "^$2 ") || fail "trial $2 was not pruned"
  local pattern="^$2 stopped pruned by hyperband at epoch $3: val_loss [-0-9.e]+ > threshold [-0-9.e]+ of $4 trials at this band\$"
  [[ "$line" =~ $pattern ]] || fail "unexpected reason: $line"
}

case_hyperband() {
  # One rank, trials in file order: 0.01 and 0.003 lead every band; 1e-6, 1e-4 and 1e-5 arrive later and
  # fall above floor(n/2)-th value (worked out from the trials' val_loss curves).
  local log
  log=$("$vmsweep" run hyperband.yaml --results one --threads 1) || fail "the one-rank sweep exited $?"
  local statuses
  statuses=$($check statuses one/hyperband.h5 | tr '\n' ' ')
  [ "$statuses" = "0 ok 1 ok 2 stopped 3 stopped 4 stopped " ] || fail "unexpected statuses: $statuses"
  expect_pruned one/hyperband.h5 2 2 3
  expect_pruned one/hyperband.h5 3 4 3
  expect_pruned one/hyperband.h5 4 2 5
  grep -q "^trial 3 stopped .*(pruned by hyperband at epoch 4: " <<<"$log" || fail "no pruned trial line: $log"
  grep -q "0 failed, 3 pruned, " <<<"$log" || fail "the summary does not count the pruned trials: $log"
  "$vmsweep" report one/hyperband.h5 --section problems | grep -qE "^ +4 +stopped +2 +pruned by hyperband at epoch 2:" ||
    fail "vmsweep report does not show the pruned trial 4"
  # Pruned trials are finished: a rerun resumes with nothing to do.
  log=$("$vmsweep" run hyperband.yaml --results one --threads 1) || fail "the resumed sweep exited $?"
  grep -q "5 trials, 5 already finished" <<<"$log" || fail "the resume reran pruned trials: $log"
  [ "$($check statuses one/hyperband.h5 | tr '\n' ' ')" = "$statuses" ] || fail "the resume changed the statuses"
  # A resume after the pruned trials were lost: the pruner reads trials 0 and 1 back from their files,
  # so trials 2-4 are judged as in the uninterrupted run (alone at band 2, trial 2 would go on).
  local reasons
  reasons=$($check reasons one/hyperband.h5)
  rm one/hyperband/trials/2.h5 one/hyperband/trials/3.h5 one/hyperband/trials/4.h5
  log=$("$vmsweep" run hyperband.yaml --results one --threads 1) || fail "the resume after a loss exited $?"
  grep -q "5 trials, 2 already finished" <<<"$log" || fail "the resume did not rerun the lost trials: $log"
  [ "$($check statuses one/hyperband.h5 | tr '\n' ' ')" = "$statuses" ] || fail "the resumed pruner decided otherwise"
  [ "$($check reasons one/hyperband.h5)" = "$reasons" ] || fail "the resumed pruner gave other reasons"

  $check pruning one/hyperband.h5 6 2 >/dev/null

  # Two ranks: the order in which trials reach a band depends on the machine's load, and with it
  # what is pruned (possibly nothing: a trial that arrives first at a band is never pruned). So only
  # what holds for every order: each trial once, none failed, and every pruning one the rule can
  # make (sweep_results.py pruning).
  expect_code 0 run 2 two hyperband.yaml
  [ "$($check count two/hyperband.h5)" -eq 5 ] || fail "two ranks: expected 5 trials"
  $check same one/hyperband.h5 one/hyperband.h5 >/dev/null  # no trial recorded twice
  $check same two/hyperband.h5 two/hyperband.h5 >/dev/null
  $check pruning two/hyperband.h5 6 2 >/dev/null || fail "two ranks: a pruning the rule cannot make"
}

"case_$case_name"
echo "PASS: $case_name"
