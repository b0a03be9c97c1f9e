#!/usr/bin/python3
"""`vmsweep predict` against the sweep that kept its models, and the per-step baselines against numpy.

    test_predict.py VMSWEEP AA_TXT OUT_DIR

Runs two tiny real sweeps on aa.txt's daily means (horizon 1 and horizon 7, two seeds per
configuration, the beat-notebook split: the last 96 target days test, the 54 before validation), then:
  - predict on aa.txt cut just before the first test target reproduces the stored test predictions
    of that window bitwise: the best trial, another trial, and both ensembles (their members' mean);
    horizon 7's models with window_norm std, a delta target and a 7-lag highway;
  - the intervals are the forecast -+ the ceil((n+1) level)-th smallest validation error of the step;
  - CSV, JSON and HDF5 hold the same numbers; --plot draws the fan chart;
  - bad input is exit code 2 with nothing written;
  - persistence and ridge AR per step ahead (h = 1..7) match numpy on the same windows.
"""
import csv
import datetime as dt
import io
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import unittest

import h5py
import numpy as np

BINARY = AA = OUT = None
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_report_setup import SWEEP as TINY  # noqa: E402

# The report's tiny sweep with two seeds per configuration, one layer size and a horizon.
SWEEP = TINY.replace("name: tiny", "name: {name}").replace("seed: 7", "seed: 3\nrepeats: 2") \
            .replace("layers: {{values: [[8], [16]]}}", "layers: {{value: [8]}}\n  horizon: {{value: {horizon}}}")
# Horizon 7's models frame their windows with issue 13's levers (docs/levers.md): predict must
# normalise, de-normalise and add the highway exactly as the trial did.
LEVERS = "  window_norm: {{value: std}}\n  target: {{value: delta}}\n  ar_highway: {{value: 7}}\n"
DAY_MS = 86_400_000


def results_of(horizon):
    return os.path.join(OUT, "results", f"h{horizon}.h5")


def run(*args, expect=0):
    done = subprocess.run([BINARY, *args], capture_output=True, text=True)
    if done.returncode != expect:
        raise AssertionError(f"vmsweep {' '.join(args)}: exit {done.returncode} (expected {expect})\n{done.stdout}\n{done.stderr}")
    return done


def predict_csv(results, trace, *args):
    rows = list(csv.DictReader(io.StringIO(run("predict", results, "--data", trace, *args).stdout)))
    for row in rows:
        for key, value in row.items():
            if key != "timestamp":
                row[key] = float(value) if value != "" else None
    return rows


def trial_predictions(f, trial_id):
    table = f[f"trial/{trial_id}/predictions"][()]
    return table


def first_test_target_ms(results):
    with h5py.File(results, "r") as f:
        table = trial_predictions(f, "0")
    return int(table["timestamp_ms"][(table["split"] == 2) & (table["horizon_step"] == 1)].min())


def member_mean(values):
    total = 0.0
    for value in values:  # summed in the members' order, then divided: as vmsweep averages
        total += value
    return total / len(values)


def stored_forecast(f, ids, first_ms, horizon):
    """The members' mean of their stored test predictions for the window whose first target is first_ms."""
    point = []
    for k in range(1, horizon + 1):
        values = []
        for trial_id in ids:
            p = trial_predictions(f, trial_id)
            hit = (p["split"] == 2) & (p["horizon_step"] == k) & (p["timestamp_ms"] == first_ms + (k - 1) * DAY_MS)
            assert hit.sum() == 1, (trial_id, k)
            values.append(float(p["predicted"][hit][0]))
        point.append(member_mean(values))
    return point


def bits(x):
    return struct.pack("<d", x)


def write_cut_trace(path, before_ms):
    """aa.txt up to (not including) the day of before_ms: the daily means of the days kept are unchanged."""
    cut = dt.datetime.fromtimestamp(before_ms / 1000, dt.timezone.utc).strftime("%Y-%m-%d")
    with open(AA) as src, open(path, "w") as out:
        for i, line in enumerate(src):
            if i > 0 and line[:10] >= cut:
                break
            out.write(line)


def setUpModule():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for horizon in (1, 7):
        sweep = os.path.join(OUT, f"h{horizon}.yaml")
        with open(sweep, "w") as f:
            text = SWEEP + (LEVERS if horizon == 7 else "")
            f.write(text.format(name=f"h{horizon}", aa=os.path.abspath(AA), horizon=horizon))
        run("run", sweep, "--results", os.path.join(OUT, "results"), "--threads", "1", "-q")
        write_cut_trace(os.path.join(OUT, f"cut{horizon}.txt"), first_test_target_ms(results_of(horizon)))


class Bitwise(unittest.TestCase):
    def check(self, horizon, *choice):
        results, trace = results_of(horizon), os.path.join(OUT, f"cut{horizon}.txt")
        rows = predict_csv(results, trace, *choice)
        with h5py.File(results, "r") as f:
            kept = f["ensembles"].attrs
            if not choice:
                ids = [kept["best"]]
            elif choice[0] == "--trial":
                ids = [choice[1]]
            else:
                ids = list(kept["seed_mean" if choice[1] == "seed_mean" else "top_k"])
            first = first_test_target_ms(results)
            expected = stored_forecast(f, ids, first, horizon)
        self.assertEqual([int(r["step"]) for r in rows], list(range(1, horizon + 1)))
        self.assertEqual([int(r["timestamp_ms"]) for r in rows], [first + k * DAY_MS for k in range(horizon)])
        self.assertEqual([bits(r["forecast"]) for r in rows], [bits(x) for x in expected], f"{choice} of {ids}")

    def test_horizon_1_best_trial(self):
        self.check(1)

    def test_horizon_7_best_and_another_trial(self):
        self.check(7)
        self.check(7, "--trial", "1")

    def test_horizon_7_ensembles(self):
        self.check(7, "--ensemble", "seed_mean")
        self.check(7, "--ensemble", "top_k")

    def test_horizon_1_ensemble(self):
        self.check(1, "--ensemble", "top_k")

    def test_a_shorter_horizon_is_the_first_steps(self):
        trace = os.path.join(OUT, "cut7.txt")
        full = predict_csv(results_of(7), trace)
        three = predict_csv(results_of(7), trace, "--horizon", "3")
        self.assertEqual(three, full[:3])


class Intervals(unittest.TestCase):
    def test_bounds_are_the_forecast_minus_and_plus_the_conformal_quantile(self):
        rows = predict_csv(results_of(7), AA, "--trial", "2", "--level", "0.5,0.8,0.95")
        with h5py.File(results_of(7), "r") as f:
            p = trial_predictions(f, "2")
            stored = f["trial/2/model/calibration"][()]
        for k, row in enumerate(rows, start=1):
            val = (p["split"] == 1) & (p["horizon_step"] == k)
            errors = np.sort(np.abs(p["actual"][val] - p["predicted"][val]))
            self.assertTrue(np.array_equal(errors, stored["abs_error"][stored["horizon_step"] == k]))
            for level, name in ((0.5, "50"), (0.8, "80"), (0.95, "95")):
                q = errors[math.ceil(round((len(errors) + 1) * level, 9)) - 1]
                self.assertEqual(row[f"lower_{name}"], row["forecast"] - q)
                self.assertEqual(row[f"upper_{name}"], row["forecast"] + q)

    def test_the_ensemble_is_calibrated_on_its_mean_validation_errors(self):
        rows = predict_csv(results_of(7), AA, "--ensemble", "seed_mean", "--level", "0.8")
        with h5py.File(results_of(7), "r") as f:
            ids = list(f["ensembles"].attrs["seed_mean"])
            tables = [trial_predictions(f, i) for i in ids]
        for k, row in enumerate(rows, start=1):
            points = {}
            for table in tables:
                for r in table[(table["split"] == 1) & (table["horizon_step"] == k)]:
                    points.setdefault(int(r["timestamp_ms"]), (float(r["actual"]), []))[1].append(float(r["predicted"]))
            errors = sorted(abs(actual - member_mean(values)) for actual, values in points.values() if len(values) == len(ids))
            q = errors[math.ceil(round((len(errors) + 1) * 0.8, 9)) - 1]
            self.assertEqual(row["upper_80"], row["forecast"] + q)

    def test_trials_report_their_test_coverage(self):
        with h5py.File(results_of(7), "r") as f:
            trials = f["trials"][()]
        for name in ("test_cover80", "test_cover95"):
            self.assertTrue(np.all((trials[name] >= 0) & (trials[name] <= 1)))
        self.assertTrue(np.all(trials["test_width95"] > trials["test_width80"]))


class Formats(unittest.TestCase):
    def test_json_and_hdf5_hold_the_csv_numbers(self):
        rows = predict_csv(results_of(7), AA, "--ensemble", "top_k")
        doc = json.loads(run("predict", results_of(7), "--data", AA, "--ensemble", "top_k", "--format", "json").stdout)
        self.assertEqual([r["forecast"] for r in doc["forecast"]], [r["forecast"] for r in rows])
        self.assertEqual([r["upper_95"] for r in doc["forecast"]], [r["upper_95"] for r in rows])
        path = os.path.join(OUT, "forecast.h5")
        run("predict", results_of(7), "--data", AA, "--ensemble", "top_k", "--format", "hdf5", "-o", path)
        with h5py.File(path, "r") as f:
            self.assertEqual(f.attrs["format"], "vmsweep-forecast")
            table = f["forecast"][()]
        self.assertEqual(list(table["forecast"]), [r["forecast"] for r in rows])
        self.assertEqual(list(table["lower_80"]), [r["lower_80"] for r in rows])

    def test_output_file_and_fan_chart(self):
        out, png = os.path.join(OUT, "forecast.csv"), os.path.join(OUT, "fan.png")
        run("predict", results_of(7), "--data", AA, "-o", out, "--plot", png)
        with open(out) as f:
            self.assertEqual(f.readline().strip(), "timestamp,timestamp_ms,step,forecast,lower_80,upper_80,lower_95,upper_95")
        self.assertEqual(png_size(png), (1200, 500))
        self.assertFalse(os.path.exists(png + ".data.json"))


class BadInput(unittest.TestCase):
    def refused(self, message, *args, results=None):
        out = os.path.join(OUT, "refused.csv")
        done = run("predict", results or results_of(7), "-o", out, *args, expect=2)
        self.assertIn(message, done.stderr)
        self.assertFalse(os.path.exists(out), "nothing is written on bad input")
        self.assertFalse(os.path.exists(out + ".partial"))

    def test_a_trace_shorter_than_look_back(self):
        short = os.path.join(OUT, "short.txt")
        with open(AA) as src, open(short, "w") as out:
            out.writelines(line for _, line in zip(range(1 + 24 * 5), src))
        with h5py.File(results_of(7), "r") as f:
            trials = f["trials"][()]
        long_trial = trials["id"][trials["look_back"] == 14][0].decode()
        self.refused("fewer than the model's look_back of 14", "--data", short, "--trial", long_trial)

    def test_a_missing_column(self):
        renamed = os.path.join(OUT, "renamed.txt")
        with open(AA) as src, open(renamed, "w") as out:
            out.write("datetime\tload\n")
            out.writelines(list(src)[1:])
        self.refused("data_hourly", "--data", renamed)

    def test_results_without_kept_models(self):
        old = os.path.join(OUT, "old.h5")
        shutil.copy(results_of(7), old)
        with h5py.File(old, "a") as f:
            del f["ensembles"]
            for trial_id in f["trial"]:
                if "model" in f[f"trial/{trial_id}"]:
                    del f[f"trial/{trial_id}/model"]
        self.refused("no kept models", "--data", AA, results=old)

    def test_a_horizon_larger_than_trained(self):
        self.refused("trained to predict 7 steps ahead", "--data", AA, "--horizon", "8")

    def test_an_unknown_trial(self):
        self.refused("no trial '99'", "--data", AA, "--trial", "99")

    def test_a_level_outside_0_1(self):
        self.refused("--level", "--data", AA, "--level", "0.8,95")

    def test_a_missing_ensemble(self):
        single = os.path.join(OUT, "single.h5")
        shutil.copy(results_of(7), single)
        with h5py.File(single, "a") as f:
            f["ensembles"].attrs["seed_mean"] = np.array([], dtype=h5py.string_dtype())
        self.refused("has no such ensemble", "--data", AA, "--ensemble", "seed_mean", results=single)


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


class ReportAndPlot(unittest.TestCase):
    def test_report_shows_the_error_per_step(self):
        doc = json.loads(run("report", results_of(7), "--format", "json").stdout)
        with h5py.File(results_of(7), "r") as f:
            best = f["ensembles"].attrs["best"]
            metrics = dict(f[f"trial/{best}/metrics"].attrs)
            baselines = f["tables/baselines"][()]
        rows = {(r["kind"], r["id"].split(" ")[0], r["metric"]): r for r in doc["steps"]}
        trial = rows[("trial", best, "test_mse")]
        self.assertEqual([trial[f"h{k}"] for k in range(1, 8)], [metrics[f"test_mse_h{k}"] for k in range(1, 8)])
        persistence = rows[("baseline", "persistence", "test_mae")]
        stored = baselines[baselines["method"] == b"persistence"][0]
        self.assertEqual([persistence[f"h{k}"] for k in range(1, 8)], [stored[f"test_mae_h{k}"] for k in range(1, 8)])
        self.assertIn(("ensemble", "seed_mean", "test_mse"), rows)
        leaderboard = [r for r in doc["leaderboard"] if r["kind"] == "trial"]
        self.assertTrue(all(0 <= r["test_cover80"] <= 1 for r in leaderboard))
        self.assertNotIn("steps", json.loads(run("report", results_of(1), "--format", "json").stdout))

    def test_plot_draws_the_error_per_step(self):
        folder = os.path.join(OUT, "plots7")
        printed = run("plot", results_of(7), "-o", folder).stdout
        self.assertIn("error_by_step.png", printed)
        self.assertEqual(png_size(os.path.join(folder, "error_by_step.png")), (1000, 500))
        folder1 = os.path.join(OUT, "plots1")
        run("plot", results_of(1), "-o", folder1)
        self.assertFalse(os.path.exists(os.path.join(folder1, "error_by_step.png")))


def daily_means():
    """aa.txt's calendar-day means, one per day, days consecutive."""
    days, sums, counts = [], [], []
    with open(AA) as f:
        next(f)
        for line in f:
            stamp, value = line.rstrip("\n").split("\t")
            day = stamp[:10]
            if not days or days[-1] != day:
                days.append(day)
                sums.append(0.0)
                counts.append(0)
            sums[-1] += float(value)
            counts[-1] += 1
    first = dt.date.fromisoformat(days[0])
    assert [dt.date.fromisoformat(d) for d in days] == [first + dt.timedelta(i) for i in range(len(days))]
    return np.array(sums) / np.array(counts)


class PerStepBaselines(unittest.TestCase):
    """The horizon-7 windows of the counts split: the last 96 target days test, 54 before validation;
    a window belongs to a part when its 7 targets all lie inside it."""

    def setUp(self):
        self.y = daily_means()
        with h5py.File(results_of(7), "r") as f:
            self.table = f["tables/baselines"][()]

    def parts(self, look_back, horizon=7):
        slots = len(self.y) - look_back
        windows = slots - horizon + 1
        test, val = slots - 96, slots - 96 - 54
        return {"train": range(0, val - (horizon - 1)), "val": range(val, test - (horizon - 1)), "test": range(test, windows)}

    def row(self, method, look_back):
        rows = [r for r in self.table if r["method"].decode() == method and r["look_back"] in (0, look_back)]
        self.assertEqual(len(rows), 1)
        return rows[0]

    def test_persistence_per_step(self):
        for look_back in (7, 14):
            row = self.row("persistence", look_back)
            for part in ("val", "test"):
                windows = np.array(self.parts(look_back)[part])
                for k in range(7):
                    mse = np.mean((self.y[windows + look_back + k] - self.y[windows + look_back - 1]) ** 2)
                    self.assertAlmostEqual(row[f"{part}_mse_h{k + 1}"], mse, delta=1e-12 * mse)
                self.assertAlmostEqual(row[f"{part}_mse"], np.mean([row[f"{part}_mse_h{k}"] for k in range(1, 8)]), delta=1e-12)

    def test_ridge_ar_per_step(self):
        for look_back in (7, 14):
            row = self.row("ridge_ar", look_back)
            lam = float(row["detail"].decode().split()[1])
            parts = self.parts(look_back)
            train = np.array(parts["train"])
            fit_steps = self.y[: train[-1] + look_back + 7]  # the training windows' inputs and targets
            low, scale = fit_steps.min(), fit_steps.max() - fit_steps.min()
            s = ((self.y - low) / scale).astype(np.float32).astype(np.float64)  # the scaled series is float32
            X = np.stack([s[w:w + look_back] for w in train])
            xm = X.mean(axis=0)
            for k in range(7):
                t = s[train + look_back + k]
                w = np.linalg.solve((X - xm).T @ (X - xm) + lam * len(train) * np.eye(look_back), (X - xm).T @ (t - t.mean()))
                b = t.mean() - xm @ w
                for part in ("val", "test"):
                    windows = np.array(parts[part])
                    predicted = (np.stack([s[v:v + look_back] for v in windows]) @ w + b) * scale + low
                    mse = np.mean((self.y[windows + look_back + k] - predicted) ** 2)
                    self.assertAlmostEqual(row[f"{part}_mse_h{k + 1}"], mse, delta=1e-9 * mse, msg=f"{look_back} {part} h{k + 1}")


if __name__ == "__main__":
    BINARY, AA, OUT = sys.argv[1:4]
    unittest.main(argv=sys.argv[:1], verbosity=2)
