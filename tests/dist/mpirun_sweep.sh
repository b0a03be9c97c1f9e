#!/usr/bin/env bash
# Real-mpirun tests of `vmsweep run`: mpirun_sweep.sh VMSWEEP CASE
#   ranks          grid9 on 1, 2 and 3 ranks (oversubscribed): same trials, metrics bitwise equal
#   kill_worker    kill -9 of one worker rank once the first trial file appears, rerun: every trial once,
#                  metrics as uninterrupted
#   kill_all       kill -9 of mpirun and all its ranks at the same point, rerun: the same
#   failures       a diverging trial and two failing at run time are recorded, the sweep goes on, exit code 3
#   bad_input      an unwritable results folder (a file in the way; a folder without write permission) and a
#                  folder of a changed sweep file: exit 2, nothing trained
#   sigterm        SIGTERM stops a sweep (exit 4) keeping what finished; the rerun completes it
#   sigterm_rank0  SIGTERM to rank 0 only: the workers abandon their trials unrecorded; the rerun completes it
#   tpe_resume     a TPE sweep with pruned trials, killed (kill -9) after its 8th trial file and resumed, proposes
#                  exactly what the uninterrupted one did (a resume learns from pruned trials as the live run does)
#   signal_worker  SIGTERM to a worker rank alone stops the whole sweep: exit 4, nothing aggregated as if it had
#                  finished; the rerun completes it bitwise equal
#   signal_preflight  SIGTERM while the preflight checks ends vmsweep at once, exit 4, nothing written; a FIFO,
#                  directory or device given as the sweep file or the trace says so instead of hanging
#   data_preflight `run` refuses bad traces and data settings as `validate` does: exit 2, nothing written
#   shard_bayes    --shard on a bayes sweep: exit 2 on every rank before anything is written, no MPI_Abort
#   lock           a second run on a running sweep's folder is refused (exit 2, naming the first run's host and pid)
#                  and changes nothing; shards run together, the same shard twice or a whole run beside them not
#   disk_full      a full disk (a small tmpfs) at a trial file and at the aggregate: exit 1, "No space left on device"
#                  naming the file, no temporary left, the rerun after freeing space bitwise equal (skipped, exit
#                  77, where no tmpfs can be mounted)
#   strays         trial files that do not count (foo.h5, a copy 007.h5, a truncated 3.h5) and an aggregate's
#                  temporary in the results root: named, trial 3 rerun, the temporary removed, each trial once
#   shrink_grid    --force-resume after the grid lost a value is refused (exit 2) instead of mapping finished trials
#                  to other configurations; a change that keeps every trial's parameters resumes
#   hyperband      early_terminate prunes the useless learning rates: exactly those on one rank (recorded as
#                  stopped with the pruner's reason, exit 0, kept on resume, judged alike when rerun after
#                  a resume); on two ranks what holds for every arrival order
#   data_cache     grid9 on one rank with the trace cache (the default) and without it (--data-cache-mb 0):
#                  metrics bitwise equal; with it the rank parses aa.txt once for its 9 trials (and the
#                  preflight's check and the baselines), without it once for each
#   target         metric.target ends a grid at the first configuration that reaches it, says so, and a rerun
#                  starts nothing more
#   trial_logs     --trial-records logs on 3 ranks: bitwise the results of trial files, one log per rank and no
#                  trial file; kill -9 in the middle of a record (torn) and right after one is durable, then
#                  resumed (with logs, and with files: a folder may hold both): each trial once, bitwise equal,
#                  the torn record named, none recorded twice
set -euo pipefail

vmsweep=$1
case_name=$2
here=$(cd "$(dirname "$0")" && pwd)
check="/usr/bin/python3 $here/sweep_results.py"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# hwloc's x86 backend binds the thread that reads the topology to every CPU in turn: on a crowded
# machine MPI_Init then stalled for minutes (seen in MPI_Init_thread -> hwloc_topology_load ->
# sched_setaffinity). The Linux backend reads the same topology from /sys without binding.
export HWLOC_COMPONENTS=-x86
work=$(mktemp -d /tmp/vmsweep-dist-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$here"/sweeps/*.yaml .
sed -i "s|path: ../../../data/aa.txt|path: $here/../../data/aa.txt|" ./*.yaml
cp "$here/../../data/aa.txt" a.txt  # failures.yaml's traces
cp a.txt b.txt

. "$here/expect_code.sh"  # fail, expect_code

# run RANKS RESULTS SWEEP [args...]: one sweep, threads fixed at 1 so every rank count computes alike.
run() {
  local ranks=$1 results=$2 sweep=$3
  shift 3
  mpirun --oversubscribe -n "$ranks" "$vmsweep" run "$sweep" --results "$results" --threads 1 --quiet "$@"
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

# The developer pause hook (docs/reliability.md): a process given pause_env POINT waits at POINT
# until released, so a test acts at a moment the program reports instead of after a sleep.
pause_env() { echo "VMSWEEP_PAUSE_AT=$1" "VMSWEEP_PAUSE_FILE=$work/paused"; }

# wait_for_pause PID: until a process of the job PID waits at its point (at most a minute); sets
# paused_pid, the process that waits, as it reported itself.
wait_for_pause() {
  for _ in $(seq 6000); do
    if [ -f "$work/paused" ]; then
      paused_pid=$(awk '{print $3}' "$work/paused")
      return 0
    fi
    kill -0 "$1" 2>/dev/null || fail "the job ended before it reached its pause point"
    sleep 0.01
  done
  fail "the job did not reach its pause point within a minute"
}

# run_until_paused POINT COMMAND...: starts COMMAND in the background, paused at POINT; sets
# background_pid and paused_pid.
run_until_paused() {
  local point=$1
  shift
  rm -f "$work/paused" "$work/paused.claimed"
  env $(pause_env "$point") "$@" &
  background_pid=$!
  wait_for_pause "$background_pid"
}

# release: lets the paused process go on.
release() { rm -f "$work/paused"; }

# wait_until_gone PID...: until none of the processes exists (at most a minute).
wait_until_gone() {
  for _ in $(seq 6000); do
    local alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && return 0
    sleep 0.01
  done
  fail "processes $* did not end within a minute"
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
  local ranks
  ranks=$(pgrep -P "$mpirun_pid" | tr '\n' ' ')
  if [ "$1" = worker ]; then
    kill -9 "$(rank_pid "$mpirun_pid" 1)"
  else
    kill -9 -- "-$mpirun_pid"  # mpirun and every rank: the whole job dies at once
  fi
  local code=0
  wait "$mpirun_pid" || code=$?
  [ "$code" -ne 0 ] || fail "the killed sweep exited 0"
  wait_until_gone $ranks  # a rank that outlives mpirun for a moment still holds the sweep's lock
  local kept
  kept=$(ls resumed/long9/trials | grep -c '\.h5$' || true)
  [ "$kept" -lt 9 ] || fail "the sweep finished before the kill; nothing was tested"
  echo "killed with $kept of 9 trials finished"
  expect_code 0 run 3 resumed long9.yaml
  $check same reference/long9.h5 resumed/long9.h5
}

case_data_cache() {
  mpirun --oversubscribe -n 1 "$vmsweep" run grid9.yaml --results on --threads 1 >/dev/null 2>on.err || fail "$(cat on.err)"
  mpirun --oversubscribe -n 1 "$vmsweep" run grid9.yaml --results off --threads 1 --data-cache-mb 0 >/dev/null 2>off.err ||
    fail "$(cat off.err)"
  $check same on/grid9.h5 off/grid9.h5
  local on off
  on=$(grep -o "rank 0: data cache: .*" on.err) || fail "no data cache line: $(cat on.err)"
  off=$(grep -o "rank 0: data cache: .*" off.err) || fail "no data cache line: $(cat off.err)"
  echo "$on"; echo "$off"
  [[ "$on" =~ ^"rank 0: data cache: 1 trace parsed, "([0-9]+)" hits, 1 kept in " ]] || fail "with the cache: $on"
  [ "${BASH_REMATCH[1]}" -ge 9 ] || fail "fewer hits than trials: $on"
  [[ "$off" =~ ^"rank 0: data cache: "([0-9]+)" traces parsed (cache off)"$ ]] || fail "without the cache: $off"
  [ "${BASH_REMATCH[1]}" -ge 10 ] || fail "fewer parses than trials and the preflight: $off"
}

case_kill_worker() { interrupted_then_resumed worker; }
case_kill_all() { interrupted_then_resumed all; }

case_failures() {
  run_until_paused preflight_checked mpirun --oversubscribe -n 2 "$vmsweep" run failures.yaml --results out --threads 1 --quiet
  rm b.txt
  release
  local code=0
  wait "$background_pid" || code=$?
  [ "$code" -eq 3 ] || fail "a sweep with failed trials exited $code, expected 3"
  local statuses
  statuses=$($check statuses out/failures.h5 | awk '{print $2}' | sort | uniq -c | tr -s ' ' | tr '\n' ';')
  [ "$statuses" = " 1 diverged; 2 failed; 1 ok;" ] || fail "unexpected statuses: $statuses"
}

# A results folder without write permission. Root writes anywhere, so as root vmsweep runs as nobody
# (setpriv drops the capabilities with the uid), from world-readable copies in a folder of their own.
check_read_only_results() {
  local box
  box=$(mktemp -d /tmp/vmsweep-read-only.XXXXXX)
  chmod 755 "$box"
  cp "$vmsweep" "$box/vmsweep"
  cp "$here/../../data/aa.txt" "$box/aa.txt"
  chmod 644 "$box/aa.txt"  # run checks the data before the results folder
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
  # A change that keeps every trial's parameters: refused (the file is not the one that ran), and
  # resumed with --force-resume; one that changes them is refused even then (shrink_grid).
  echo "# edited after the run" >>failures.yaml
  local message
  message=$(run 2 out failures.yaml 2>&1) && fail "a changed sweep file was accepted"
  grep -q -- "--force-resume" <<<"$message" || fail "the refusal does not say how to force: $message"
  grep -q "name" <<<"$message" || fail "the refusal does not say how to start a new sweep: $message"
  expect_code 0 run 2 out failures.yaml --fake-trial-ms 1 --force-resume
}

case_sigterm() {
  # One process, so the signal reaches vmsweep itself (mpirun turns SIGTERM into a kill of its ranks),
  # sent once the first trial file is written.
  run_until_paused trial_file:1 "$vmsweep" run grid9.yaml --results out --threads 1 --quiet --fake-trial-ms 400
  kill -TERM "$paused_pid"
  release
  local code=0
  wait "$background_pid" || code=$?
  [ "$code" -eq 4 ] || fail "SIGTERM: exit code $code, expected 4"
  local kept
  kept=$(ls out/grid9/trials | grep -c '\.h5$' || true)
  [ "$kept" -eq 1 ] || fail "SIGTERM after the first trial kept $kept trials, expected 1"
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

case_tpe_resume() {
  # gamma 0.5 makes the best half of the finished trials TPE's good group: after 8 trials two pruned
  # ones (6, 7) belong to it, so a resume that does not learn their scores proposes trial 8 otherwise.
  expect_code 0 "$vmsweep" run tpe_pruned.yaml --results live --threads 1 --quiet
  [ "$($check statuses live/tpe_pruned.h5 | head -8 | grep -c stopped)" -ge 2 ] ||
    fail "fewer than two of the first eight trials were pruned: the test proves nothing"
  run_until_paused trial_file:8 "$vmsweep" run tpe_pruned.yaml --results resumed --threads 1 --quiet
  kill -9 "$paused_pid"
  wait "$background_pid" 2>/dev/null || true
  [ "$(ls resumed/tpe_pruned/trials | grep -c '\.h5$')" -eq 8 ] || fail "expected 8 trial files after the kill"
  expect_code 0 "$vmsweep" run tpe_pruned.yaml --results resumed --threads 1 --quiet
  $check same live/tpe_pruned.h5 resumed/tpe_pruned.h5
}

# files_state DIR: every file under DIR with its size and modification time, to show nothing changed
# (but the lock file, in which a run that takes the lock writes its host and pid).
files_state() { find "$1" ! -name 'lock*' -printf '%p %s %T@\n' | sort; }

# expect_refusal MESSAGE_PATTERN COMMAND...: COMMAND exits 2 with a message matching the pattern (an
# extended regular expression), and no rank aborts the job.
expect_refusal() { expect_refusal_code 2 "$@"; }

expect_refusal_code() {
  local expected=$1 pattern=$2
  shift 2
  local code=0 message
  message=$("$@" 2>&1) || code=$?
  [ "$code" -eq "$expected" ] || fail "'$*' exited with $code, expected $expected: $message"
  grep -qE -- "$pattern" <<<"$message" || fail "'$*': the message does not say '$pattern': $message"
  ! grep -q "MPI_ABORT" <<<"$message" || fail "'$*' ended in MPI_Abort: $message"
}

case_signal_worker() {
  expect_code 0 run 2 reference grid9.yaml
  rm -f "$work/paused" "$work/paused.claimed"
  local sweep=(run grid9.yaml --results out --threads 1 --quiet)
  mpirun --oversubscribe -n 1 "$vmsweep" "${sweep[@]}" : -n 1 env $(pause_env trial_file:1) "$vmsweep" "${sweep[@]}" &
  local mpirun_pid=$!
  wait_for_pause "$mpirun_pid"  # rank 1 has written its first trial file
  kill -TERM "$paused_pid"
  release
  local code=0
  wait "$mpirun_pid" || code=$?
  [ "$code" -eq 4 ] || fail "SIGTERM to a worker: exit code $code, expected 4"
  [ ! -e out/grid9.h5 ] || fail "the stopped sweep was aggregated as if it had finished"
  expect_code 0 run 2 out grid9.yaml
  $check same reference/grid9.h5 out/grid9.h5
}

case_signal_preflight() {
  run_until_paused preflight_checked:1 "$vmsweep" run grid9.yaml --results out --threads 1 --quiet
  kill -TERM "$paused_pid"  # not released: a signal that were only noted would leave it waiting there
  wait_until_gone "$background_pid"
  local code=0
  wait "$background_pid" || code=$?
  [ "$code" -eq 4 ] || fail "SIGTERM during the preflight: exit code $code, expected 4"
  [ ! -e out ] || fail "the interrupted preflight wrote: $(find out)"
  mkfifo fifo.yaml
  expect_refusal "fifo.yaml: is a FIFO, not a sweep file" timeout 20 "$vmsweep" run fifo.yaml --results out
  expect_refusal "is a directory, not a sweep file" timeout 20 "$vmsweep" validate "$work"
  expect_refusal "/dev/null: is a character device, not a sweep file" "$vmsweep" validate /dev/null
  sed "s|path: .*aa.txt|path: $work/fifo.yaml|" grid9.yaml >fifo_trace.yaml
  expect_refusal "fifo.yaml is a FIFO, not a trace file" timeout 20 "$vmsweep" run fifo_trace.yaml --results out
  [ ! -e out ] || fail "a refused sweep wrote: $(find out)"
}

# bad_data NAME SED_EXPRESSION: grid9 changed by the expression, as NAME.yaml.
bad_data() { sed "s|^name: grid9|name: $1|; $2" grid9.yaml >"$1.yaml"; }

case_data_preflight() {
  printf 'datetime\tdata_hourly\n' >empty.tsv
  printf 'datetime\tdata_hourly\n2017-01-01 00:00:00\t1.5\n' >one_row.tsv
  { printf 'datetime\tdata_hourly\n'; for day in $(seq 10 28); do printf '2017-01-%s 00:00:00\tnan\n' "$day"; done; } >all_nan.tsv
  bad_data empty "s|path: .*aa.txt|path: $work/empty.tsv|"
  bad_data one_row "s|path: .*aa.txt|path: $work/one_row.tsv|"
  bad_data all_nan "s|path: .*aa.txt|path: $work/all_nan.tsv|"
  bad_data no_column "s|value: data_hourly|value: cpu_usage|"
  bad_data long_window "s|  epochs: {value: 25}|  epochs: {value: 25}\n  look_back: {value: 1000000}|"
  bad_data split "s|  resample: D|  resample: D\n  split: {train: 0.8, val: 0.3, test: 0.2}|"
  for sweep in empty one_row all_nan no_column long_window split; do
    expect_code 2 "$vmsweep" validate "$sweep.yaml"
    expect_refusal "." run 2 out "$sweep.yaml"
    [ ! -e out ] || fail "$sweep: a refused sweep wrote: $(find out)"
  done
}

case_shard_bayes() {
  expect_refusal "[-]-shard needs a grid or random sweep" run 2 out tpe_pruned.yaml --shard 0/2
  [ ! -e out ] || fail "a refused shard wrote: $(find out)"
}

case_lock() {
  run_until_paused trial_file:1 "$vmsweep" run grid9.yaml --results out --threads 1 --quiet
  local first=$background_pid before
  before=$(files_state out)
  expect_refusal "in use by another vmsweep run \(host $(hostname), pid $first\)" run 2 out grid9.yaml
  expect_refusal "in use by another vmsweep run \(host $(hostname), pid $first\)" "$vmsweep" aggregate out/grid9
  [ "$(files_state out)" = "$before" ] || fail "a refused run changed the folder"
  release
  expect_code 0 wait "$first"

  run_until_paused trial_file:1 "$vmsweep" run grid9.yaml --results shards --threads 1 --quiet --shard 0/2
  local shard0=$background_pid
  expect_code 0 "$vmsweep" run grid9.yaml --results shards --threads 1 --quiet --shard 1/2
  expect_refusal "shard 0-of-2: host $(hostname), pid $shard0" "$vmsweep" run grid9.yaml --results shards --shard 0/2
  expect_refusal "shard 0-of-2: host $(hostname), pid $shard0" "$vmsweep" run grid9.yaml --results shards
  release
  expect_code 0 wait "$shard0"
  expect_code 0 "$vmsweep" aggregate shards/grid9
  $check same out/grid9.h5 shards/grid9.h5
}

# pages PATH...: the bytes a tmpfs needs for these files (whole 4 KiB pages).
pages() { find "$@" -type f -printf '%s\n' | awk '{ total += int(($1 + 4095) / 4096) * 4096 } END { print total }'; }

case_disk_full() {
  disk=$work/disk
  mkdir "$disk"
  if ! mount -t tmpfs -o size=4m tmpfs "$disk" 2>/dev/null; then
    echo "SKIP: cannot mount a tmpfs here (it needs root and the right to mount)"
    exit 77
  fi
  trap 'umount "$disk"; rm -rf "$work"' EXIT
  expect_code 0 run 2 reference grid9.yaml
  local folder aggregate one_trial
  folder=$(pages reference/grid9)
  aggregate=$(pages reference/grid9.h5)
  one_trial=$(pages reference/grid9/trials/0.h5)

  # Room for the stamp, the lock and three trial files: a later trial file does not fit.
  mount -o remount,size=$(( $(pages reference/grid9/sweep.h5) + 4096 + 3 * one_trial + one_trial / 2 )) "$disk"
  expect_refusal_code 1 "grid9/trials/[0-9]+\.h5: cannot write the file: No space left on device" run 2 "$disk" grid9.yaml
  [ -z "$(find "$disk" -name '*.tmp-*')" ] || fail "temporaries left: $(find "$disk" -name '*.tmp-*')"
  # Room for every trial file and the baselines, not for the aggregate.
  mount -o remount,size=$(( folder + 4096 + aggregate / 2 )) "$disk"
  expect_refusal_code 1 "$disk/grid9.h5: cannot write the file: No space left on device" run 2 "$disk" grid9.yaml
  [ -z "$(find "$disk" -name '*.tmp-*')" ] || fail "temporaries left: $(find "$disk" -name '*.tmp-*')"
  mount -o remount,size=8m "$disk"
  expect_code 0 run 2 "$disk" grid9.yaml
  $check same reference/grid9.h5 "$disk/grid9.h5"
}

case_strays() {
  expect_code 0 run 2 reference grid9.yaml
  mkdir out
  cp -r reference/grid9 out/
  cp out/grid9/trials/7.h5 out/grid9/trials/007.h5
  cp out/grid9/trials/7.h5 out/grid9/trials/foo.h5
  truncate -s 1000 out/grid9/trials/3.h5
  echo "half written" >out/grid9.h5.tmp-otherhost-12-34
  local message
  message=$(run 2 out grid9.yaml 2>&1) || fail "the resume exited $?: $message"
  for name in 007.h5 foo.h5 3.h5; do
    grep -q "trials/$name" <<<"$message" || fail "the resume does not name $name: $message"
  done
  [ ! -e out/grid9.h5.tmp-otherhost-12-34 ] || fail "the aggregate's temporary was left in the results folder"
  $check same reference/grid9.h5 out/grid9.h5  # trial 3 trained again, 7 once
}

case_shrink_grid() {
  expect_code 0 run 2 out grid9.yaml --fake-trial-ms 1
  echo "# a comment changes the file, not a trial" >>grid9.yaml
  expect_code 0 run 2 out grid9.yaml --fake-trial-ms 1 --force-resume
  sed -i 's/learning_rate: {values: \[0.003, 0.01, 0.03\]}/learning_rate: {values: [0.003, 0.01]}/' grid9.yaml
  local before
  before=$(files_state out)
  expect_refusal "finished trials in .* ran other parameters than the trials of the same id" \
    run 2 out grid9.yaml --fake-trial-ms 1 --force-resume
  [ "$(files_state out)" = "$before" ] || fail "the refused resume changed the folder: $(diff <(echo "$before") <(files_state out))"
  [ "$($check count out/grid9.h5)" -eq 9 ] || fail "the aggregate changed"
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

case_target() {
  # metric.target 2.0 with every fake trial's val_mse below 1: on one rank the first result ends the
  # grid, the summary says why, and a rerun starts nothing (the finished trial already reached it).
  sed 's/^metric: .*/metric: {name: val_mse, goal: minimize, target: 2.0}/' grid9.yaml >target.yaml
  grep -q "target: 2.0" target.yaml || fail "the target did not go into the sweep file"
  local log
  log=$("$vmsweep" run target.yaml --results one --threads 1 --fake-trial-ms 1) || fail "the target sweep exited $?"
  [ "$($check count one/grid9.h5)" -eq 1 ] || fail "a trial started after the target was reached: $log"
  grep -q "^stopped: target 2 reached by trial " <<<"$log" || fail "the summary does not say why it stopped: $log"
  log=$("$vmsweep" run target.yaml --results one --threads 1 --fake-trial-ms 1) || fail "the rerun exited $?"
  [ "$($check count one/grid9.h5)" -eq 1 ] || fail "the rerun started trials after the target: $log"
}

case_trial_logs() {
  expect_code 0 run 3 reference grid9.yaml
  expect_code 0 run 3 logs grid9.yaml --trial-records logs
  $check same reference/grid9.h5 logs/grid9.h5
  [ "$(ls logs/grid9/trials | grep -c '\.trials$')" -eq 3 ] || fail "expected a log per rank: $(ls logs/grid9/trials)"
  [ "$(ls logs/grid9/trials | grep -c '\.h5$' || true)" -eq 0 ] || fail "trial files beside the logs"

  # Killed with its second record half written: the torn record is named, its trial runs again.
  run_until_paused trial_file_temp:2 "$vmsweep" run grid9.yaml --results torn --threads 1 --quiet --trial-records logs
  kill -9 "$paused_pid"
  wait "$background_pid" 2>/dev/null || true
  local log
  log=$("$vmsweep" run grid9.yaml --results torn --threads 1 --quiet --trial-records logs 2>&1) ||
    fail "the resume after a torn record failed: $log"
  grep -q "is cut short" <<<"$log" || fail "the torn record is not named: $log"
  $check same reference/grid9.h5 torn/grid9.h5

  # Killed once a record is durable but before the coordinator heard of it; resumed writing files.
  run_until_paused trial_file:1 "$vmsweep" run grid9.yaml --results durable --threads 1 --quiet --trial-records logs
  kill -9 "$paused_pid"
  wait "$background_pid" 2>/dev/null || true
  log=$("$vmsweep" run grid9.yaml --results durable --threads 1 --quiet 2>&1) || fail "the resume failed: $log"
  ! grep -q "recorded again" <<<"$log" || fail "a trial ran twice: $log"
  [ "$(ls durable/grid9/trials | grep -c '\.h5$')" -eq 8 ] || fail "the resume did not write the 8 other trials as files"
  $check same reference/grid9.h5 durable/grid9.h5
}

"case_$case_name"
echo "PASS: $case_name"
