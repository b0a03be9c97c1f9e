#!/usr/bin/python3
"""Fault injection for `vmsweep run` (docs/reliability.md).

  fault_injection.py VMSWEEP [--seed S] [--scenarios N]

A seeded generator picks, for each scenario, a point where one process of a two-rank sweep of twelve
trials pauses (defined by progress: "after the coordinator recorded k trials", "inside the aggregate
after k trials", "the trial file written but not yet renamed", ...; the developer pause hook,
VMSWEEP_PAUSE_AT), and a victim: rank 0, the worker (rank 1) or mpirun. Once the process waits at
the point, the victim gets kill -9; every process of the job is waited for, and the sweep is resumed
(sometimes with a second fault during the resume). Each run keeps its trials as files or in trial
logs (--trial-records), drawn too, so one folder may hold both. After the last resume:

  - every trial is recorded exactly once (a file <id>.h5 or a whole log record, ids 0..11; a torn
    last record does not count) and has one row in results/<name>.h5,
  - parameters, statuses, metrics and loss curves are bitwise equal to an uninterrupted run,
  - no temporary file is left anywhere in the results folder,
  - the stamp results/<name>/sweep.h5 is byte for byte the one the first run wrote.

Nothing waits for a duration: a kill happens when the process says it is at its point. Prints a
table of faults injected and data losses found; exits 1 if any scenario lost or duplicated data.
"""
import argparse
import collections
import hashlib
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep_results import METRICS, bitwise_equal, trials  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SWEEP = "faults12.yaml"
NAME = "faults12"
TRIALS = 12
RANKS = 2
EPOCHS = 3
PATIENCE = 600  # seconds a process may take to reach its point or to end: a failure bound, not a timing

# Points every run reaches whatever the order trials arrive in. Rank 1 is sure of its first trial
# only (the coordinator hands one to every idle rank at the start); rank 0 also coordinates and
# aggregates. "fresh": only when the folder is new.
WORKER_POINTS = [f"epoch:{k}" for k in range(1, EPOCHS + 1)] + ["trial_file_temp:1", "trial_file:1"]
RANK0_FRESH_POINTS = ["preflight_checked:1", "stamp_temp:1"]
AGGREGATE_POINTS = ["tables_temp:1"] + [f"aggregate_trial:{k}" for k in (1, 6, TRIALS)] + ["aggregate_temp:1"]
VICTIMS = ["rank0", "worker", "mpirun"]
RECORDS = ["files", "logs"]  # vmsweep run --trial-records


def rank0_points(remaining, fresh):
    """Points rank 0 reaches in a run with `remaining` trials left to train."""
    points = list(AGGREGATE_POINTS) + (RANK0_FRESH_POINTS if fresh else [])
    if remaining >= 1:
        points += [f"trial_recorded:{k}" for k in range(1, remaining)] + WORKER_POINTS
    return points


class Job:
    """One mpirun of the sweep; the process of rank `pause_rank` stops at `point`."""

    def __init__(self, vmsweep, work, results, pause_rank=None, point=None, records="files"):
        self.note = os.path.join(work, "paused")
        for leftover in (self.note, self.note + ".claimed"):
            if os.path.exists(leftover):
                os.remove(leftover)
        contexts = []
        for rank in range(RANKS):
            command = [vmsweep, "run", SWEEP, "--results", results, "--threads", "1", "--quiet", "--trial-records", records]
            if rank == pause_rank:
                command = ["env", f"VMSWEEP_PAUSE_AT={point}", f"VMSWEEP_PAUSE_FILE={self.note}"] + command
            contexts += (["-n", "1"] + command + [":"])
        self.log = open(os.path.join(work, "log.txt"), "a")
        self.mpirun = subprocess.Popen(["mpirun", "--oversubscribe"] + contexts[:-1], cwd=work, stdout=self.log,
                                       stderr=subprocess.STDOUT, start_new_session=True)

    def wait_paused(self):
        """True once the process waits at its point; False if the job ended without reaching it."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            if os.path.exists(self.note):
                return True
            if self.mpirun.poll() is not None:
                return False
            time.sleep(0.01)
        raise RuntimeError("the job neither paused nor ended")

    def rank_pids(self):
        pids = {}
        for child in children(self.mpirun.pid):
            rank = environment(child).get("OMPI_COMM_WORLD_RANK")
            if rank is not None:
                pids[int(rank)] = child
        return pids

    def kill(self, victim, ranks):
        pid = {"rank0": ranks.get(0), "worker": ranks.get(1), "mpirun": self.mpirun.pid}[victim]
        os.kill(pid, signal.SIGKILL)

    def wait_all_gone(self, ranks):
        """The job's every process has ended: a rank outliving mpirun would still hold the lock."""
        code = self.mpirun.wait(timeout=PATIENCE)
        deadline = time.monotonic() + PATIENCE
        while any(alive(pid) for pid in ranks.values()):
            if time.monotonic() > deadline:
                raise RuntimeError(f"ranks {ranks} did not end")
            time.sleep(0.01)
        self.log.close()
        return code


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return found


def environment(pid):
    try:
        with open(f"/proc/{pid}/environ", "rb") as env:
            pairs = [item.split(b"=", 1) for item in env.read().split(b"\0") if b"=" in item]
        return {key.decode(): value.decode(errors="replace") for key, value in pairs}
    except OSError:
        return {}


def alive(pid):
    """Running, not a zombie (nothing may reap an orphan in a container)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def trial_files(results):
    """Every name in the trials folder, temporaries included."""
    folder = os.path.join(results, NAME, "trials")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def logged_ids(log):
    """The trial ids of a trial log's whole records (docs/results-schema.md), up to a torn one."""
    with open(log, "rb") as file:
        data = file.read()
    ids, at = [], 0
    while at + 32 <= len(data) and data[at:at + 8] == b"VMSWTRL1":
        trial_id, n, crc = struct.unpack_from("<QQI", data, at + 8)
        if len(data) < at + 32 + n or zlib.crc32(data[at + 32:at + 32 + n]) != crc:
            break
        ids.append(trial_id)
        at += 32 + n
    return ids


def recorded_ids(results):
    """Every trial id recorded, as often as it is: trial files and whole log records."""
    folder = os.path.join(results, NAME, "trials")
    ids = []
    for name in trial_files(results):
        if name.endswith(".h5"):
            ids.append(int(name[:-3]) if name[:-3].isdigit() else name)
        elif name.endswith(".trials"):
            ids += logged_ids(os.path.join(folder, name))
    return ids


def finished_count(results):
    return len(set(recorded_ids(results)))


def temporaries(results):
    return [os.path.join(root, name) for root, _, names in os.walk(results) for name in names if ".tmp-" in name]


def digest(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def data_problems(reference, results):
    """What differs from the uninterrupted run: missing, extra or duplicated trials, other values."""
    problems = []
    if sorted(recorded_ids(results)) != list(range(TRIALS)):
        problems.append(f"trials recorded {sorted(recorded_ids(results))} ({trial_files(results)})")
    if any(not name.endswith((".h5", ".trials")) for name in trial_files(results)):
        problems.append(f"trial folder {trial_files(results)}")
    (a, curves_a), (b, curves_b) = trials(reference), trials(os.path.join(results, f"{NAME}.h5"))
    if b["id"].duplicated().any() or sorted(b["id"]) != sorted(a["id"]):
        return problems + [f"trial rows {sorted(b['id'])}"]
    a, b = a.set_index("id").sort_index(), b.set_index("id").sort_index()
    for column in ("params_json", "status"):
        if not (a[column] == b[column]).all():
            problems.append(f"{column} differs")
    for metric in METRICS + ["epochs_run", "best_epoch"]:
        if not bitwise_equal(a[metric], b[metric]):
            problems.append(f"{metric} differs")
    problems += [f"trial {i}: curves differ" for i in a.index if not bitwise_equal(curves_a[i][:, :4], curves_b[i][:, :4])]
    return problems


def run_scenario(args, work, reference, rng, number, tally):
    results = f"s{number}"
    stamp = os.path.join(work, results, NAME, "sweep.h5")
    stamp_digest, faults, log = None, [], []
    for attempt in range(2):
        remaining = TRIALS - finished_count(os.path.join(work, results))
        fresh = not os.path.exists(stamp)
        if attempt == 0 or rng.random() < 0.5:
            pause_rank = 1 if remaining >= 2 and rng.random() < 0.3 else 0
            point = rng.choice(WORKER_POINTS if pause_rank == 1 else rank0_points(remaining, fresh))
            victim = rng.choice(VICTIMS)
            records = rng.choice(RECORDS)
            job = Job(args.vmsweep, work, results, pause_rank, point, records)
            if not job.wait_paused():
                raise RuntimeError(f"scenario {number}: rank {pause_rank} never reached {point}")
            ranks = job.rank_pids()
            job.kill(victim, ranks)
            job.wait_all_gone(ranks)
            faults.append((victim, point))
            tally[(victim, point.split(":")[0])] += 1
            log.append(f"kill -9 {victim} with rank {pause_rank} at {point} ({records}): "
                       f"{finished_count(os.path.join(work, results))} trials recorded")
        if os.path.exists(stamp):
            stamp_digest = stamp_digest or digest(stamp)
    records = rng.choice(RECORDS)
    log.append(f"resumed ({records})")
    job = Job(args.vmsweep, work, results, records=records)
    code = job.wait_all_gone(job.rank_pids())
    problems = [] if code == 0 else [f"the resume exited {code}"]
    if code == 0:
        problems += data_problems(reference, os.path.join(work, results))
    problems += [f"left behind: {path}" for path in temporaries(os.path.join(work, results))]
    if stamp_digest and digest(stamp) != stamp_digest:
        problems.append("the stamp was rewritten")
    print(f"scenario {number}: " + "; ".join(log) + (f" -> LOST: {problems}" if problems else " -> resumed, nothing lost"))
    return faults, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("vmsweep")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--scenarios", type=int, default=10)
    args = parser.parse_args()
    # HWLOC_COMPONENTS: see mpirun_sweep.sh (hwloc's x86 backend stalls MPI_Init on a crowded machine).
    os.environ.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1", HWLOC_COMPONENTS="-x86")
    work = tempfile.mkdtemp(prefix="vmsweep-faults.")
    try:
        aa = os.path.join(HERE, "..", "..", "data", "aa.txt")
        with open(os.path.join(HERE, "sweeps", SWEEP)) as src, open(os.path.join(work, SWEEP), "w") as dst:
            dst.write(src.read().replace("path: ../../../data/aa.txt", f"path: {os.path.abspath(aa)}"))
        code = Job(args.vmsweep, work, "reference").mpirun.wait()
        if code != 0:
            sys.exit(f"the uninterrupted run exited {code}")
        reference = os.path.join(work, "reference", f"{NAME}.h5")
        rng, tally, losses, injected = random.Random(args.seed), collections.Counter(), 0, 0
        for number in range(args.scenarios):
            faults, problems = run_scenario(args, work, reference, rng, number, tally)
            injected += len(faults)
            losses += bool(problems)
        print(f"\nseed {args.seed}: {injected} faults injected (kill -9) in {args.scenarios} scenarios, "
              f"{losses} with data lost, duplicated or left behind")
        for (victim, point), count in sorted(tally.items()):
            print(f"  {victim:7} at {point:18} x{count}")
        sys.exit(1 if losses else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
