#!/usr/bin/python3
"""Checks on vmsweep results files for the dist tests (reads them as a user would: h5py + pandas).

  sweep_results.py same A.h5 B.h5      every trial exactly once in both, same ids, parameters,
                                       statuses, metrics and curves bitwise equal
  sweep_results.py statuses A.h5       prints "id status" lines, sorted by id
  sweep_results.py reasons A.h5        prints "id status reason" lines of the trials that are not ok
  sweep_results.py count A.h5          prints the number of trials
  sweep_results.py traces A.h5          prints "id trace" lines, sorted by id
  sweep_results.py fleet A.h5 N        /fleet has N rows, one per trace of /trials: the chosen trial is the
                                       trace's best on val_mse, the baselines are the trace's rows of
                                       /tables/baselines chosen on val_mse, the ratios divide; prints it
  sweep_results.py global_fleet A.h5 B.h5
                                       fleet: global: every trial's per-trace metrics bitwise equal in
                                       both; A's /fleet has one row per trace of the trials, all from the
                                       trial best on the pooled val_mse, its metrics on that trace
  sweep_results.py skipped A.h5        prints the skipped traces /sweep lists, one a line
  sweep_results.py pruning A.h5 EPOCHS ETA
                                       every pruning decision in A.h5 is one the hyperband rule can
                                       make for some arrival order (see check_pruning); prints them
"""
import re
import sys

import h5py
import numpy as np
import pandas as pd

METRICS = [f"{part}_{name}" for part in ("train", "val", "test") for name in ("mse", "rmse", "mae", "mape", "smape", "r2")]


def trials(path):
    with h5py.File(path, "r") as f:
        table = pd.DataFrame(f["trials"][()])
        curves = {trial_id: np.asarray(f["trial"][trial_id]["curves"][()].tolist())
                  for trial_id in f["trial"].keys()}
    table["id"] = table["id"].str.decode("utf-8")
    table["status"] = table["status"].str.decode("utf-8")
    return table, curves


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def bitwise_equal(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and np.array_equal(a.view(np.uint64), b.view(np.uint64))


def same(path_a, path_b):
    (a, curves_a), (b, curves_b) = trials(path_a), trials(path_b)
    for path, table in ((path_a, a), (path_b, b)):
        if table["id"].duplicated().any():
            fail(f"{path}: a trial appears twice: {sorted(table['id'][table['id'].duplicated()])}")
    if set(a["id"]) != set(b["id"]):
        fail(f"trial sets differ: {sorted(a['id'])} vs {sorted(b['id'])}")
    a, b = a.set_index("id").sort_index(), b.set_index("id").sort_index()
    for column in ("params_json", "status") + (("trace",) if "trace" in a.columns else ()):
        differ = a.index[a[column] != b[column]]
        if len(differ):
            fail(f"{column} differs for trials {list(differ)}:\n{a.loc[differ, column]}\n{b.loc[differ, column]}")
    for metric in METRICS + ["epochs_run", "best_epoch"]:
        if not bitwise_equal(a[metric], b[metric]):
            fail(f"{metric} differs:\n{a[metric]}\n{b[metric]}")
    # Curves hold epoch seconds too, which differ from run to run: compare the losses and rates.
    for trial_id in a.index:
        ca, cb = curves_a[trial_id], curves_b[trial_id]
        if not bitwise_equal(ca[:, :4], cb[:, :4]):
            fail(f"trial {trial_id}: curves differ")
    print(f"{len(a)} trials, metrics and curves bitwise equal")


def decoded(frame):
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].str.decode("utf-8")
    return frame


def check_fleet(path, rows):
    with h5py.File(path, "r") as f:
        fleet = decoded(pd.DataFrame(f["fleet"][()]))
        baselines = decoded(pd.DataFrame(f["tables"]["baselines"][()]))
        table = decoded(pd.DataFrame(f["trials"][()]))
    if len(fleet) != rows or sorted(fleet["trace"]) != sorted(set(table["trace"])):
        fail(f"/fleet has traces {list(fleet['trace'])}, /trials {sorted(set(table['trace']))}")
    for row in fleet.itertuples():
        own = table[(table["trace"] == row.trace) & table["status"].isin(["ok", "stopped"])]
        best = own.loc[own["val_mse"].idxmin()]
        if best["id"] != row.trial or not bitwise_equal([best["test_mse"]], [row.test_mse]):
            fail(f"{row.trace}: /fleet chose trial {row.trial}, the best on val_mse is {best['id']}")
        for method in ("ridge_ar", "persistence", "ses"):
            rows_of = baselines[(baselines["trace"] == row.trace) & (baselines["method"] == method)]
            chosen = rows_of.loc[rows_of["val_mse"].idxmin()]
            if not bitwise_equal([chosen["test_mse"]], [getattr(row, f"{method}_test_mse")]):
                fail(f"{row.trace}: {method} test MSE {getattr(row, f'{method}_test_mse')}, its row says {chosen['test_mse']}")
        if not close(row.ratio_ridge_ar, row.test_mse / row.ridge_ar_test_mse):
            fail(f"{row.trace}: ratio_ridge_ar {row.ratio_ridge_ar}")
        print(row.trace, row.trial, f"test_mse {row.test_mse:.4g}", f"ridge_ar {row.ridge_ar_test_mse:.4g}",
              f"ratio {row.ratio_ridge_ar:.3f}")


def per_trace_metrics(path):
    """{(trial id, trace id): {metric: value}} of a global sweep's trials."""
    out = {}
    with h5py.File(path, "r") as f:
        for trial_id, trial in f["trial"].items():
            for group in trial["traces"].values():
                trace = group.attrs["trace"]
                trace = trace.decode("utf-8") if isinstance(trace, bytes) else trace
                out[(trial_id, trace)] = dict(group["metrics"].attrs)
    return out


def check_global_fleet(path_a, path_b):
    a, b = per_trace_metrics(path_a), per_trace_metrics(path_b)
    if set(a) != set(b) or not a:
        fail(f"per-trace scores differ in their traces: {sorted(a)} vs {sorted(b)}")
    for key in a:
        for metric in METRICS:
            if not bitwise_equal([a[key][metric]], [b[key][metric]]):
                fail(f"trial {key[0]} on {key[1]}: {metric} {a[key][metric]} vs {b[key][metric]}")
    with h5py.File(path_a, "r") as f:
        fleet = decoded(pd.DataFrame(f["fleet"][()]))
        table = decoded(pd.DataFrame(f["trials"][()]))
    traces = sorted({trace for _, trace in a})
    if sorted(fleet["trace"]) != traces or set(fleet["mode"]) != {"global"}:
        fail(f"/fleet rows {list(fleet['trace'])} modes {set(fleet['mode'])}, the trials' traces {traces}")
    best = table.loc[table["val_mse"].idxmin(), "id"]
    for row in fleet.itertuples():
        own = a[(best, row.trace)]
        if row.trial != best or not bitwise_equal([own["test_mse"], own["val_mse"]], [row.test_mse, row.val_mse]):
            fail(f"{row.trace}: /fleet has trial {row.trial} test_mse {row.test_mse}; best pooled {best}: {own['test_mse']}")
        if not np.isfinite(row.ridge_ar_test_mse):
            fail(f"{row.trace}: no ridge AR baseline")
        print(row.trace, row.trial, f"test_mse {row.test_mse:.4g}", f"ridge_ar {row.ridge_ar_test_mse:.4g}",
              f"ratio {row.ratio_ridge_ar:.3f}")
    print(f"{len(a)} per-trace scores bitwise equal")


PRUNED = re.compile(r"pruned by hyperband at epoch (\d+): val_loss (\S+) > threshold (\S+) of (\d+) trials at this band$")


def close(a, b):
    """Equal up to the six significant digits of the reason's numbers."""
    return abs(a - b) <= 1e-5 * max(abs(a), abs(b))


def check_pruning(path, epochs, eta):
    """What holds for every order in which trials reach a band, so for any number of ranks.

    A trial stopped at band E with "val_loss V > threshold T of N trials" had V as its own
    validation loss at epoch E and ran exactly E epochs; T is another trial's loss at E, and
    T = sorted(values at E)[N // eta] means N // eta + 1 of the N trials that reached E by then
    (a subset of all that ever reach E) are at or below T, and T is not the largest of the N.
    Every trial that was not stopped ran all epochs."""
    table, curves = trials(path)
    table["reason"] = table["reason"].str.decode("utf-8")
    loss_at = {trial_id: {int(row[0]): row[2] for row in curve} for trial_id, curve in curves.items()}
    for row in table.itertuples():
        if row.status == "ok":
            if row.epochs_run != epochs:
                fail(f"trial {row.id} is ok after {row.epochs_run} of {epochs} epochs")
            continue
        if row.status != "stopped":
            fail(f"trial {row.id} {row.status}: {row.reason}")
        match = PRUNED.match(row.reason)
        if not match:
            fail(f"trial {row.id}: not a pruning reason: {row.reason}")
        band, value, threshold, peers = int(match[1]), float(match[2]), float(match[3]), int(match[4])
        reached = {other: losses[band] for other, losses in loss_at.items() if band in losses}
        problems = []
        if row.epochs_run != band:
            problems.append(f"ran {row.epochs_run} epochs")
        if not close(value, loss_at[row.id][band]):
            problems.append(f"its val_loss at {band} is {loss_at[row.id][band]}")
        if not any(close(threshold, loss) for other, loss in reached.items() if other != row.id):
            problems.append("the threshold is no other trial's val_loss at that band")
        if not value > threshold or peers // eta >= peers - 1 or peers > len(reached):
            problems.append(f"{len(reached)} trials reached the band")
        if sum(loss <= threshold * (1 + 1e-5) for loss in reached.values()) < peers // eta + 1:
            problems.append("too few trials at or below the threshold")
        if problems:
            fail(f"trial {row.id}: {row.reason}: " + "; ".join(problems))
        print(row.id, band, peers)


def main():
    command, paths = sys.argv[1], sys.argv[2:]
    if command == "same":
        same(*paths)
    elif command == "statuses":
        table, _ = trials(paths[0])
        for trial_id, status in sorted(zip(table["id"].astype(int), table["status"])):
            print(trial_id, status)
    elif command == "reasons":
        table, _ = trials(paths[0])
        table["reason"] = table["reason"].str.decode("utf-8")
        for row in table[table["status"] != "ok"].assign(id=table["id"].astype(int)).sort_values("id").itertuples():
            print(row.id, row.status, row.reason)
    elif command == "pruning":
        check_pruning(paths[0], int(paths[1]), int(paths[2]))
    elif command == "traces":
        table, _ = trials(paths[0])
        for trial_id, trace in sorted(zip(table["id"].astype(int), table["trace"].str.decode("utf-8"))):
            print(trial_id, trace)
    elif command == "fleet":
        check_fleet(paths[0], int(paths[1]))
    elif command == "global_fleet":
        check_global_fleet(*paths)
    elif command == "skipped":
        with h5py.File(paths[0], "r") as f:
            for line in f["sweep"].attrs["skipped_traces"]:
                print(line.decode("utf-8") if isinstance(line, bytes) else line)
    elif command == "count":
        print(len(trials(paths[0])[0]))
    else:
        fail(__doc__)


if __name__ == "__main__":
    main()
