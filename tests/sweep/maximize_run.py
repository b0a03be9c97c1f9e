#!/usr/bin/python3
"""A real sweep that maximises R squared, end to end: maximize_run.py VMSWEEP AA_TXT WORK_DIR

1. bayes over eight tiny trials on aa.txt with metric {name: val_r2, goal: maximize}: the run's
   summary names as best the trial with the highest val_r2 in the results file, and `vmsweep report`
   ranks that trial first.
2. The same with metric.target reachable by any trial: the first configuration reaches it, the
   sweep stops there and the summary says so ("stopped: target -1000 reached by trial 0 (val_r2 ...)").
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys

import h5py
import numpy as np

SWEEP = """\
name: {name}
seed: 3
data: {{path: {aa}, timestamp: datetime, value: data_hourly, resample: D, split: {{val: 54, test: 96}}}}
method: bayes
bayes: {{n_startup: 4}}
run_cap: 8
metric: {{name: val_r2, goal: maximize{target}}}
parameters:
  look_back: {{values: [7, 14]}}
  layers: {{values: [8, 16]}}
  learning_rate: {{distribution: log_uniform_values, min: 0.001, max: 0.05}}
  epochs: {{value: 5}}
  patience: {{value: 0}}
"""


def fail(message):
    sys.exit("FAIL: " + message)


def run(binary, out_dir, aa, name, target=""):
    sweep = os.path.join(out_dir, name + ".yaml")
    with open(sweep, "w") as f:
        f.write(SWEEP.format(name=name, aa=aa, target=target))
    done = subprocess.run([binary, "run", sweep, "--results", os.path.join(out_dir, "results"), "--threads", "1"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"vmsweep run exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    with h5py.File(os.path.join(out_dir, "results", name + ".h5"), "r") as f:
        table = f["trials"][()]
    ids = [i.decode() for i in table["id"]]
    return done.stdout, dict(zip(ids, np.asarray(table["val_r2"], dtype=float)))


def check_ranking(binary, out_dir, aa):
    stdout, r2 = run(binary, out_dir, aa, "r2max")
    if len(r2) != 8:
        fail(f"expected 8 trials, got {len(r2)}")
    best_id = max(r2, key=r2.get)
    summary = re.search(r"\[summary\].*best val_r2=(\S+) \(trial (\d+)", stdout)
    if not summary:
        fail("no best val_r2 in the summary:\n" + stdout)
    if int(summary.group(2)) != int(best_id) or not np.isclose(float(summary.group(1)), r2[best_id], rtol=1e-5):
        fail(f"summary names trial {summary.group(2)} ({summary.group(1)}), the highest val_r2 is trial {best_id} "
             f"({r2[best_id]})")
    report = subprocess.run([binary, "report", os.path.join(out_dir, "results", "r2max.h5"), "--format", "csv",
                             "--section", "leaderboard", "--no-baselines"], capture_output=True, text=True)
    if report.returncode != 0:
        fail(f"report exited {report.returncode}: {report.stderr}")
    rows = list(csv.DictReader(io.StringIO(report.stdout)))
    values = [float(row["val_r2"]) for row in rows if row["kind"] == "trial"]
    if values != sorted(values, reverse=True) or not np.isclose(values[0], r2[best_id], rtol=1e-5):
        fail(f"the leaderboard does not rank by val_r2, highest first: {values}")
    print(f"maximize: best trial {best_id}, val_r2 {r2[best_id]:.4f}, ranked first by run and report")


def check_target(binary, out_dir, aa):
    # R squared of any trained model on this series is far above -1000: the first configuration reaches it.
    stdout, r2 = run(binary, out_dir, aa, "r2target", ", target: -1000")
    line = re.search(r"stopped: target -1000 reached by trial (\d+) \(val_r2 (\S+)\)", stdout)
    if not line:
        fail("no 'stopped: target ... reached' line:\n" + stdout)
    if len(r2) >= 8:
        fail(f"the sweep ran all {len(r2)} trials although the target was reached")
    if line.group(1) not in r2 or not np.isclose(float(line.group(2)), r2[line.group(1)], rtol=1e-5):
        fail(f"the target line names trial {line.group(1)} with val_r2 {line.group(2)}; results: {r2}")
    print(f"target: {line.group(0)}; {len(r2)} of 8 trials ran")


def main(binary, aa, out_dir):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    check_ranking(binary, out_dir, os.path.abspath(aa))
    check_target(binary, out_dir, os.path.abspath(aa))


if __name__ == "__main__":
    main(*sys.argv[1:4])
