#!/usr/bin/python3
"""Benchmarks of the distributed sweep (issue 5), printed as tables.

  1. Scheduler overhead: N fake trials that only sleep T ms on R ranks (oversubscribed when R >
     cores), without trial files (HDF5 is measured apart in the second row). Per trial:
       worker overhead = (elapsed x R - time inside trials) / trials   time a worker is not in a trial
       utilisation     = time inside trials / (elapsed x R)
  2. Throughput of a real 8-trial sweep (bench/sweeps/bench_dist8.yaml) on 1 and 2 ranks, one thread
     per rank: trials per minute and the speed-up.

Every configuration runs --repeats times and the best (shortest) run is kept: the machine is shared.
Usage: bench/bench_dist.py BUILD/vmsweep [--repeats 2] [--trials 10000] [--ranks 16] [--trial-ms 10]
                           [--only scheduler|throughput]
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")


def fake_sweep(folder, trials):
    path = folder / "fake.yaml"
    path.write_text(f"""name: fake
seed: 1
data: {{path: {HERE.parent / 'data/aa.txt'}, timestamp: datetime, value: data_hourly, resample: D}}
method: random
run_cap: {trials}
parameters:
  learning_rate: {{distribution: log_uniform_values, min: 0.0001, max: 0.1}}
""")
    return path


def run_sweep(vmsweep, ranks, sweep, results, extra):
    """Runs one sweep under mpirun; returns (summary event, seconds inside trials, trials).

    --bind-to none: mpirun would pin rank 0 to core 0 whatever else runs there, and on a shared
    machine that core is the busiest (every other mpirun pins its rank 0 there too)."""
    shutil.rmtree(results, ignore_errors=True)
    command = ["mpirun", "--oversubscribe", "--bind-to", "none", "-n", str(ranks), vmsweep, "run", str(sweep), "--results",
               str(results), "--log-format", "json", *extra]
    output = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True).stdout
    events = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    trials = [event for event in events if event["event"] == "trial"]
    summary = next(event for event in events if event["event"] == "summary")
    return summary, sum(trial["seconds"] for trial in trials), len(trials)


def best_of(repeats, measure):
    return min((measure() for _ in range(repeats)), key=lambda result: result[0]["elapsed"])


def scheduler_table(args, folder):
    sweep = fake_sweep(folder, args.trials)
    print(f"\nScheduler: {args.trials} fake trials of {args.trial_ms} ms on {args.ranks} ranks "
          f"({os.cpu_count()} cores), best of {args.repeats}")
    print(f"{'trial files':<12} {'elapsed s':>10} {'ideal s':>8} {'utilisation':>12} {'overhead ms/trial':>18}")
    for label, extra in (("no", ["--no-trial-files"]), ("yes (HDF5)", [])):
        summary, busy, trials = best_of(args.repeats, lambda: run_sweep(
            args.vmsweep, args.ranks, sweep, folder / "results", ["--fake-trial-ms", str(args.trial_ms), *extra]))
        elapsed = summary["elapsed"]
        ideal = trials * args.trial_ms / 1000 / args.ranks
        overhead_ms = (elapsed * args.ranks - busy) / trials * 1000
        print(f"{label:<12} {elapsed:>10.2f} {ideal:>8.2f} {busy / (elapsed * args.ranks):>12.3f} {overhead_ms:>18.3f}")


def throughput_table(args, folder):
    sweep = HERE / "sweeps/bench_dist8.yaml"
    print(f"\nThroughput: bench_dist8.yaml (8 equal trials), 1 thread per rank, best of {args.repeats}")
    print(f"{'ranks':>5} {'elapsed s':>10} {'trials/min':>11} {'speed-up':>9}")
    base = None
    for ranks in (1, 2):
        summary, _, trials = best_of(args.repeats, lambda: run_sweep(
            args.vmsweep, ranks, sweep, folder / "results", ["--threads", "1"]))
        per_minute = trials / summary["elapsed"] * 60
        base = base or per_minute
        print(f"{ranks:>5} {summary['elapsed']:>10.2f} {per_minute:>11.1f} {per_minute / base:>9.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("vmsweep")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--trials", type=int, default=10000)
    parser.add_argument("--ranks", type=int, default=16)
    parser.add_argument("--trial-ms", type=int, default=10)
    parser.add_argument("--only", choices=["scheduler", "throughput"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-dist-") as temporary:
        folder = pathlib.Path(temporary)
        if args.only != "throughput":
            scheduler_table(args, folder)
        if args.only != "scheduler":
            throughput_table(args, folder)


if __name__ == "__main__":
    main()
