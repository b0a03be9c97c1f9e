#!/usr/bin/python3
"""The scheduler at fleet scale (issue 14): 10,000 fake trials over 500 synthetic traces on 16 ranks.

The 500 traces (`vmsweep data synth --traces 500`) are a grid axis over data.path, times 20 learning
rates: 10,000 trials that only sleep --trial-ms (--fake-trial-ms), each recorded durably: a trial
file each (--trial-records files, the default) or a record in its rank's log (--trial-records logs).
The reference, measured in the same run, is the same sweep without trial files (the scheduler alone).
Printed:
  1. scheduling: elapsed, utilisation = time inside trials / (elapsed x ranks) and the worker time
     outside trials per trial = (elapsed x ranks - time inside trials) / trials, which holds the
     coordinator's overhead (assignment, messages, progress) and, with records, writing them;
  2. aggregation of the 10,000 trials, from files and from logs (`vmsweep aggregate`, 500 traces'
     baselines included);
  3. a resume that finds them all: `vmsweep run` again on one process, to its opening line
     "10000 trials, 10000 already finished", and to its end (which aggregates again);
  4. what 10,000 files cost the file system here: create + fsync + rename (as io/atomic_file does),
     list, open + read, for files of the trial files' mean size, against 10,000 appends to one file.
Every configuration runs --repeats times and the shortest is kept: the machine is shared.
Usage: bench/bench_fleet.py BUILD/vmsweep [--repeats 1] [--traces 500] [--rates 20] [--ranks 16]
                            [--trial-ms 10] [--folder DIR (default: a temporary folder)]
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_dist import ENV, run_sweep  # noqa: E402


def make_fleet(vmsweep, folder, traces):
    """500 hourly traces of 30 days (720 steps): small, so the baselines stay cheap."""
    subprocess.run([vmsweep, "data", "synth", "--traces", str(traces), "--out", str(folder / "traces"),
                    "--steps", "720", "--interval", "H", "--seed", "14"], check=True, capture_output=True)


def fleet_sweep(folder, traces, rates):
    paths = ", ".join(f"traces/trace-{i:04d}.csv" for i in range(traces))
    learning_rates = ", ".join(f"{0.0001 * 1.5 ** i:.6g}" for i in range(rates))
    path = folder / "fleet.yaml"
    path.write_text(f"""name: fleet
seed: 1
data: {{timestamp: datetime, value: load}}
method: grid
parameters:
  path: {{values: [{paths}]}}
  learning_rate: {{values: [{learning_rates}]}}
""")
    return path


def timed(command, until=None):
    """Seconds to the end of `command` (and to the first stdout line containing `until`)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = None
    for line in process.stdout:
        if until and seen is None and until in line:
            seen = time.perf_counter() - start
    stderr = process.stderr.read()
    if process.wait() != 0:
        raise RuntimeError(f"{' '.join(command)}: exit {process.returncode}\n{stderr}")
    return time.perf_counter() - start, seen


RECORDS = (("none", "no", ["--no-trial-files"]), ("files", "files", ["--shard", "0/1"]),
           ("logs", "logs", ["--shard", "0/1", "--trial-records", "logs"]))


def scheduling_table(args, sweep, folder):
    """Returns the results folder of each kind of record, kept for the aggregation and the resume."""
    print(f"\n1. Scheduling: {args.traces * args.rates} fake trials of {args.trial_ms} ms ({args.traces} traces x "
          f"{args.rates} learning rates) on {args.ranks} ranks ({os.cpu_count()} cores), best of {args.repeats}")
    print(f"{'trial records':<14} {'elapsed s':>10} {'ideal s':>8} {'utilisation':>12} {'outside ms/trial':>17} "
          f"{'vs none':>8}  utilisation of each run")
    reference, kept = None, {}
    for label, name, extra in RECORDS:
        results = folder / f"results-{name}"
        runs = []
        for _ in range(args.repeats):
            os.sync()  # the previous run's 10,000 dirty files are written back now, not during this run
            runs.append(run_sweep(args.vmsweep, args.ranks, sweep, results, ["--fake-trial-ms", str(args.trial_ms), *extra]))
        summary, busy, trials = min(runs, key=lambda run: run[0]["elapsed"])
        elapsed = summary["elapsed"]
        ideal = trials * args.trial_ms / 1000 / args.ranks
        reference = reference or elapsed
        each = " ".join(f"{run[1] / (run[0]['elapsed'] * args.ranks):.3f}" for run in runs)
        print(f"{label:<14} {elapsed:>10.2f} {ideal:>8.2f} {busy / (elapsed * args.ranks):>12.3f} "
              f"{(elapsed * args.ranks - busy) / trials * 1000:>17.3f} {elapsed / reference:>7.2f}x  {each}")
        kept[name] = results  # --shard 0/1: no aggregate yet
    return kept


def aggregation_and_resume(args, sweep, results, name):
    """Aggregates and resumes the trials a scheduling run recorded as `name`; returns bytes per trial."""
    trials = args.traces * args.rates
    stored = list((results / "fleet" / "trials").iterdir())
    size = sum(f.stat().st_size for f in stored)
    print(f"\n2. Aggregation of {trials} trials recorded as {name} ({len(stored)} files, {size / trials / 1024:.1f} KiB "
          f"a trial, {size / 2**20:.0f} MiB), best of {args.repeats}")
    aggregate = min(timed([args.vmsweep, "aggregate", str(results / "fleet")])[0] for _ in range(args.repeats))
    print(f"   vmsweep aggregate: {aggregate:.2f} s ({aggregate / trials * 1000:.2f} ms per trial; goal < 30 s)")
    print(f"\n3. Resume that finds them all ({name}): vmsweep run on 1 process, best of {args.repeats}")
    runs = [timed([args.vmsweep, "run", str(sweep), "--results", str(results), "--fake-trial-ms", "1"],
                  until=f"{trials} already finished") for _ in range(args.repeats)]
    to_line = min(seen for _, seen in runs)
    whole = min(total for total, _ in runs)
    print(f"   to '{trials} already finished': {to_line:.2f} s (goal < 5 s); to its end, aggregate included: {whole:.2f} s")
    return size // trials


def file_costs(folder, count, size):
    """Create + fsync + rename, list, open + read: one file each, against appends to one file."""
    payload = os.urandom(size)
    many = folder / "many"
    shutil.rmtree(many, ignore_errors=True)
    many.mkdir()
    start = time.perf_counter()
    for i in range(count):
        temporary, final = many / f".{i}.h5.tmp", many / f"{i}.h5"
        with open(temporary, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.rename(temporary, final)
    directory = os.open(many, os.O_RDONLY)
    os.fsync(directory)
    os.close(directory)
    create = time.perf_counter() - start
    start = time.perf_counter()
    names = [entry.name for entry in os.scandir(many)]
    listing = time.perf_counter() - start
    start = time.perf_counter()
    for name in names:
        with open(many / name, "rb") as f:
            f.read()
    read = time.perf_counter() - start
    start = time.perf_counter()
    with open(folder / "one.log", "ab") as f:
        for _ in range(count):
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
    append = time.perf_counter() - start
    shutil.rmtree(many)
    os.remove(folder / "one.log")
    print(f"\n4. {count} files of {size / 1024:.1f} KiB on this file system ({folder})")
    print(f"{'operation':<40} {'total s':>8} {'ms each':>8}")
    for label, seconds in (("create + write + fsync + rename", create), ("list (scandir)", listing),
                           ("open + read", read), ("reference: append + fsync to one file", append)):
        print(f"{label:<40} {seconds:>8.3f} {seconds / count * 1000:>8.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("vmsweep")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--traces", type=int, default=500)
    parser.add_argument("--rates", type=int, default=20)
    parser.add_argument("--ranks", type=int, default=16)
    parser.add_argument("--trial-ms", type=int, default=10)
    parser.add_argument("--folder", help="where the traces, results and test files go (default: a temporary folder)")
    args = parser.parse_args()
    args.vmsweep = str(pathlib.Path(args.vmsweep).resolve())
    with tempfile.TemporaryDirectory(prefix="bench-fleet-", dir=args.folder) as temporary:
        folder = pathlib.Path(temporary)
        make_fleet(args.vmsweep, folder, args.traces)
        sweep = fleet_sweep(folder, args.traces, args.rates)
        kept = scheduling_table(args, sweep, folder)
        size = aggregation_and_resume(args, sweep, kept["files"], "files")
        aggregation_and_resume(args, sweep, kept["logs"], "logs")
        file_costs(folder, args.traces * args.rates, size)


if __name__ == "__main__":
    main()
