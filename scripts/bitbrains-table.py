#!/usr/bin/python3
"""Issue 13's model-quality table: one sweep per Bitbrains VM, every choice made on validation.

    scripts/bitbrains-table.py [--data DIR] [--sweep sweeps/bitbrains-vm.yaml] [--ranks N]
                               [--results results/bitbrains] [--vms 1,22,...]

For each VM file DIR/<id>.csv it writes the template sweep with that file and the name bb-<id>
(results/bitbrains/sweeps/), runs it with `mpirun -n N vmsweep run` (a rerun resumes), then reads
results/bitbrains/bb-<id>.h5 and prints one row per VM and the fleet summary as Markdown:

- LSTM: the sweep's `guarded` forecast as `vmsweep report` scores it: the mean of the (up to) 3 best
  trials on validation among those that beat the ridge AR chosen on validation by 2 % there, or that
  ridge AR (a highway trial's linear start) when none does; its test MSE is only reported. The
  single best trial on validation is shown beside it.
- ridge AR: among the baseline's rows (one per look-back of the sweep), the lowest val_mse.
- persistence and SES test MSE on the same test targets (fair splits make them one set per VM).
- the levers the chosen trial uses (window_norm, season_lags, ar_highway) and their share.

A VM whose trace is too short for the longest season lag (`vmsweep validate` refuses it) is searched
with season_lags SHORT_LAGS, and its row says so.

The data: ../shared/data/bitbrains-rnd-2013-7 (24 VMs of Bitbrains' Rnd trace, July 2013, see its
README for the citation); nothing of it is copied into the project.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys

import h5py

ROOT = pathlib.Path(__file__).resolve().parent.parent
# For a VM whose trace is too short for a week's lag before its training windows (VM 258: 6 days).
SHORT_LAGS = "[[], [288]]"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/bitbrains-rnd-2013-7"))
    parser.add_argument("--sweep", default=str(ROOT / "sweeps/bitbrains-vm.yaml"))
    parser.add_argument("--ranks", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--results", default=str(ROOT / "results/bitbrains"))
    parser.add_argument("--vms", default="", help="comma-separated VM ids (default: every .csv in --data)")
    parser.add_argument("--vmsweep", default=str(ROOT / "build/vmsweep"))
    return parser.parse_args()


def vm_ids(args):
    if args.vms:
        return args.vms.split(",")
    return sorted((p.stem for p in pathlib.Path(args.data).glob("*.csv")), key=int)


def sweep_file(args, vm, short=False):
    """The template with this VM's trace and name (every other line as written); `short` drops the
    season lags that need more history than the VM's trace has (season_lags: SHORT_LAGS)."""
    lines = []
    for line in pathlib.Path(args.sweep).read_text().splitlines():
        if line.startswith("name:"):
            line = f"name: bb-{vm}"
        elif line.strip().startswith("path:"):
            indent = line[: len(line) - len(line.lstrip())]
            line = f"{indent}path: {pathlib.Path(args.data).resolve() / (vm + '.csv')}"
        elif short and line.strip().startswith("season_lags:"):
            indent = line[: len(line) - len(line.lstrip())]
            line = f"{indent}season_lags: {{values: {SHORT_LAGS}}}"
        lines.append(line)
    path = pathlib.Path(args.results) / "sweeps" / f"bb-{vm}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def fits(args, path):
    """Whether `vmsweep validate` accepts the sweep; a trace too short for a lag is the one refusal
    this script works around, any other is fatal."""
    check = subprocess.run([args.vmsweep, "validate", str(path)], capture_output=True, text=True)
    if check.returncode == 0:
        return True
    if "steps of history" in check.stderr or "give 0 windows" in check.stderr:
        return False
    sys.exit(f"bitbrains-table: {check.stderr.strip()}")


def run_sweep(args, path):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1", HWLOC_COMPONENTS="-x86")
    command = ["mpirun", "--oversubscribe", "-n", str(args.ranks), args.vmsweep, "run", str(path),
               "--results", args.results, "--threads", "1", "--quiet"]
    code = subprocess.run(command, env=env).returncode
    if code not in (0, 3):  # 3: some trial failed or diverged, recorded; the rest counts
        sys.exit(f"bitbrains-table: {path} exited {code}")


def text(value):
    return value.decode() if isinstance(value, bytes) else value


def best_trial(h5):
    trials = h5["trials"][()]
    names = trials.dtype.names
    rows = [dict(zip(names, row)) for row in trials if text(row["status"]) == "ok"]
    best = min(rows, key=lambda r: r["val_mse"])
    params = json.loads(text(best["params_json"]))
    return best, params


def guarded(args, results):
    """The guarded row of `vmsweep report`'s leaderboard: (test MSE, what it is made of)."""
    report = subprocess.run([args.vmsweep, "report", str(results), "--format", "json", "--section", "leaderboard",
                             "--top", "1"], capture_output=True, text=True, check=True)
    row = next(r for r in json.loads(report.stdout)["leaderboard"] if r["id"].startswith("guarded"))
    members = row["id"].split("(", 1)[1].rstrip(")")
    return float(row["test_mse"]), "ridge AR" if members.startswith("no trial") else members.split(",")[0]


def baselines(h5):
    rows = [dict(zip(h5["tables/baselines"].dtype.names, row)) for row in h5["tables/baselines"][()]]
    by_method = {}
    for row in rows:
        by_method.setdefault(text(row["method"]), []).append(row)
    chosen = {method: min(rows, key=lambda r: r["val_mse"]) for method, rows in by_method.items()}
    return chosen


def levers(params):
    used = []
    if params.get("window_norm", "none") != "none":
        used.append(f"wn {params['window_norm']}")
    if params.get("season_lags"):
        used.append("lags " + "/".join(str(x) for x in params["season_lags"]))
    if params.get("ar_highway", 0):
        used.append(f"hw {params['ar_highway']}")
    if params.get("target", "level") != "level":
        used.append(params["target"])
    return ", ".join(used) or "none"


def main():
    args = arguments()
    rows = []
    for vm in vm_ids(args):
        path = sweep_file(args, vm)
        short = not fits(args, path)
        if short:
            path = sweep_file(args, vm, short=True)
        run_sweep(args, path)
        results = pathlib.Path(args.results) / f"bb-{vm}.h5"
        with h5py.File(results, "r") as h5:
            best, params = best_trial(h5)
            base = baselines(h5)
        lstm, members = guarded(args, results)
        rows.append({"vm": vm, "lstm": lstm, "members": members, "best": float(best["test_mse"]),
                     "ridge": float(base["ridge_ar"]["test_mse"]),
                     "ridge_lb": int(base["ridge_ar"]["look_back"]), "persistence": float(base["persistence"]["test_mse"]),
                     "ses": float(base["ses"]["test_mse"]), "look_back": params.get("look_back"),
                     "levers": levers(params) + (f" (lags searched: {SHORT_LAGS})" if short else "")})
    ratio = lambda a, b: a / b if b > 0 else float("inf")  # a test part where the baseline is exact
    print("| VM | LSTM (guarded) test MSE | made of | ridge AR (look-back) | LSTM / ridge AR | best trial / ridge AR | "
          "persistence | SES | best trial's look-back | best trial's levers |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['vm']} | {r['lstm']:.4g} | {r['members']} | {r['ridge']:.4g} ({r['ridge_lb']}) | "
              f"{ratio(r['lstm'], r['ridge']):.3f} | {ratio(r['best'], r['ridge']):.3f} | {r['persistence']:.4g} | "
              f"{r['ses']:.4g} | {r['look_back']} | {r['levers']} |")
    ratios = [ratio(r["lstm"], r["ridge"]) for r in rows]
    best_ratios = [ratio(r["best"], r["ridge"]) for r in rows]
    quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    print()
    print(f"VMs: {len(rows)}; LSTM / ridge AR: median {statistics.median(ratios):.3f}, quartiles "
          f"{quartiles[0]:.3f} / {quartiles[2]:.3f}, worst {max(ratios):.3f}; LSTM worse than ridge AR on "
          f"{sum(x > 1 for x in ratios)} VMs; LSTM / persistence median "
          f"{statistics.median(ratio(r['lstm'], r['persistence']) for r in rows):.3f}; LSTM / SES median "
          f"{statistics.median(ratio(r['lstm'], r['ses']) for r in rows):.3f}")
    print(f"the single best trial on validation instead: median {statistics.median(best_ratios):.3f}, worse than ridge AR "
          f"on {sum(x > 1 for x in best_ratios)} VMs, worst {max(best_ratios):.3f}")
    print(f"guarded forecast is ridge AR (no trial beat it on validation by 2 %) on "
          f"{sum(r['members'] == 'ridge AR' for r in rows)} VMs")
    for lever in ("wn", "lags", "hw"):
        share = sum(lever in r["levers"] for r in rows) / len(rows)
        print(f"best trial with {lever}: {share:.0%} of VMs")


if __name__ == "__main__":
    main()
