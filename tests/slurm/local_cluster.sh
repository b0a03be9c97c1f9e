#!/usr/bin/env bash
# Runs COMMAND against a private single-machine Slurm cluster and always tears the cluster down:
#
#   local_cluster.sh [--timeout SECONDS] COMMAND [ARGS...]
#
# munged, slurmctld and slurmd (Debian 12's Slurm 22.05, no systemd, as root) start with all their
# state, logs and the munge socket under one temporary folder, on free ports, so nothing in /etc or
# /run is touched. COMMAND sees SLURM_CONF (every Slurm client reads it) and SLURM_CLUSTER_DIR.
# On exit, also on failure or a signal: leftover jobs are cancelled, the daemons are stopped by their
# pid files and the folder is removed. COMMAND gets SIGTERM after --timeout seconds (default 150), so
# that the teardown runs well before a test driver's own timeout would kill everything at once.
# Exit code: COMMAND's (124 on the timeout); 77 (a skip) when Slurm is not installed.
set -euo pipefail

readonly skip_code=77
export PATH="$PATH:/usr/sbin:/sbin"  # the daemons live in sbin, which a plain user's PATH may lack
cluster_dir=""
command_pid=""

skip() {
  echo "SKIP: $* (install it with scripts/install-deps.sh --slurm)" >&2
  exit "$skip_code"
}

require_slurm() {
  local tool
  for tool in slurmctld slurmd sbatch srun scontrol munged mungekey; do
    command -v "$tool" >/dev/null || skip "Slurm is not installed: '$tool' is missing"
  done
  [ "$(id -u)" -eq 0 ] || skip "the local Slurm cluster runs its daemons as root"
  id munge >/dev/null 2>&1 || skip "the munge user is missing"
}

# Waits up to $1 seconds for the command in the remaining arguments to succeed.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first free port at or above $1 plus an offset from this process, so two clusters differ.
free_port() {
  local port=$(($1 + $$ % 1000 * 2))
  while ! port_is_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

start_munge() {
  local dir="$cluster_dir/munge"
  # munged wants its socket folder searchable by all and owned by its user.
  mkdir -m 755 "$dir"
  chown munge:munge "$dir"
  runuser -u munge -- mungekey --create --keyfile="$dir/munge.key"
  runuser -u munge -- munged --socket="$dir/munge.socket" --key-file="$dir/munge.key" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munged.seed"
}

write_slurm_conf() {
  local ctld_port slurmd_port node_line
  ctld_port=$(free_port 20000)
  slurmd_port=$(free_port "$((ctld_port + 1))")
  # The node's real layout: a hand-written CPU line that disagrees with slurmd drains the node.
  node_line=$(slurmd -C | head -n 1)
  mkdir "$cluster_dir/state" "$cluster_dir/spool" "$cluster_dir/log"
  cat >"$cluster_dir/slurm.conf" <<EOF
ClusterName=vmsweep-test
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$cluster_dir/munge/munge.socket
StateSaveLocation=$cluster_dir/state
SlurmdSpoolDir=$cluster_dir/spool
SlurmctldPidFile=$cluster_dir/slurmctld.pid
SlurmdPidFile=$cluster_dir/slurmd.pid
SlurmctldLogFile=$cluster_dir/log/slurmctld.log
SlurmdLogFile=$cluster_dir/log/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# Debian's OpenMPI 4.1 fails MPI_Init under srun with pmi2 or none.
MpiDefault=pmix
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
# Finished jobs leave the queue after 5 s: otherwise sbatch --wait polls only every 32 s.
MinJobAge=5
KillWait=5
ReturnToService=2
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

node_is_idle() { [ "$(sinfo --noheader --format=%t 2>/dev/null)" = idle ]; }

start_slurm() {
  write_slurm_conf
  export SLURM_CONF="$cluster_dir/slurm.conf" SLURM_CLUSTER_DIR="$cluster_dir"
  slurmctld
  slurmd
  wait_until 30 node_is_idle || { echo "local_cluster: the node did not turn idle within 30 s" >&2; return 1; }
}

queue_is_empty() { [ -z "$(squeue --noheader 2>/dev/null)" ]; }

# Job steps survive a SIGTERM to slurmd: end the jobs first, and kill what still runs after 20 s.
cancel_jobs() {
  scancel --quiet --user="$(id -un)" 2>/dev/null || true
  wait_until 20 queue_is_empty && return 0
  echo "local_cluster: jobs still running after 20 s; killing their processes" >&2
  local pid
  for pid in $(scontrol listpids 2>/dev/null | awk 'NR > 1 {print $1}'); do kill -KILL "$pid" 2>/dev/null || true; done
}

processes_are_gone() {
  local pid
  for pid in "$@"; do
    ! kill -0 "$pid" 2>/dev/null || return 1
  done
}

# Stops the daemons of the given pid files all at once (each takes about 2 s to shut down):
# SIGTERM, then SIGKILL to what still runs after 10 s.
stop_daemons() {
  local pid_file pids=()
  for pid_file in "$@"; do
    if [ -s "$pid_file" ]; then pids+=("$(<"$pid_file")"); fi
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait_until 10 processes_are_gone "${pids[@]}" || kill -KILL "${pids[@]}" 2>/dev/null || true
}

show_logs() {
  local log
  for log in "$cluster_dir"/log/*.log "$cluster_dir"/munge/munged.log; do
    if [ -s "$log" ]; then echo "---- last lines of $log"; tail -n 30 "$log"; fi
  done >&2
}

teardown() {
  local code=$?
  trap - EXIT INT TERM
  if [ -n "$command_pid" ]; then kill -TERM "$command_pid" 2>/dev/null || true; fi
  if [ -n "${SLURM_CONF:-}" ]; then cancel_jobs; fi
  [ "$code" -eq 0 ] || [ "$code" -eq "$skip_code" ] || show_logs
  stop_daemons "$cluster_dir/slurmd.pid" "$cluster_dir/slurmctld.pid" "$cluster_dir/munge/munged.pid"
  rm -rf "$cluster_dir"
  exit "$code"
}

main() {
  local limit=150
  if [ "${1:-}" = --timeout ]; then limit=$2; shift 2; fi
  [ $# -ge 1 ] || { echo "usage: local_cluster.sh [--timeout SECONDS] COMMAND [ARGS...]" >&2; exit 2; }
  require_slurm
  cluster_dir=$(mktemp -d /tmp/vmsweep-slurm-cluster.XXXXXX)
  chmod 755 "$cluster_dir"  # munged checks every folder above its socket
  trap teardown EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  start_munge
  start_slurm
  # In the background, so that a signal to this script runs the teardown at once.
  timeout "$limit" "$@" &
  command_pid=$!
  local code=0
  wait "$command_pid" || code=$?
  command_pid=""
  [ "$code" -ne 124 ] || echo "local_cluster: '$*' did not finish within $limit s" >&2
  return "$code"
}

main "$@"
