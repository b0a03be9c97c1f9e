#!/usr/bin/python3
"""`vmsweep report` and `vmsweep plot` on a fleet (issue 14, docs/fleets.md): three synthetic traces
from `vmsweep data synth --traces 3`, a grid of 4 small configurations each (12 trials of a few
epochs, seconds), run once by the real binary; every figure of the report recomputed with h5py from
/fleet, /trials, /tables/baselines and the trials' predictions.

    test_fleet_report.py VMSWEEP WORK_DIR
"""
import csv
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import unittest

import h5py
import numpy as np

BINARY = WORK = RESULTS = ONE = GLOBAL = None

SWEEP = """\
name: {name}
seed: 3
data: {{path: {path}, timestamp: datetime, value: load, split: {{train: 0.7, val: 0.15, test: 0.15}}}}
method: grid
parameters:
  look_back: {{values: [6, 12]}}
  layers: {{value: [8]}}
  learning_rate: {{values: [0.00001, 0.01]}}
  epochs: {{value: 6}}
  patience: {{value: 0}}
  lr_schedule: {{value: constant}}
"""


def vmsweep(*args, expect=0):
    run = subprocess.run([BINARY, *args], capture_output=True, text=True)
    if run.returncode != expect:
        raise AssertionError(f"vmsweep {' '.join(args)}: exit {run.returncode} (expected {expect})\n{run.stdout}\n{run.stderr}")
    return run


def report_json(results, *args):
    return json.loads(vmsweep("report", results, "--format", "json", *args).stdout)


def run_sweep(name, path, fleet=None):
    sweep = os.path.join(WORK, name + ".yaml")
    with open(sweep, "w") as f:
        f.write(SWEEP.format(name=name, path=path) + (f"fleet: {fleet}\n" if fleet else ""))
    vmsweep("run", sweep, "--results", os.path.join(WORK, "results"), "--threads", "1", "-q")
    return os.path.join(WORK, "results", name + ".h5")


def setup():
    global RESULTS, ONE, GLOBAL
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    vmsweep("data", "synth", "--traces", "3", "--out", os.path.join(WORK, "traces"), "--steps", "700",
            "--interval", "H", "--gap-rate", "0", "--seed", "11", "--threads", "1")
    RESULTS = run_sweep("fleet", "'traces/*.csv'")
    ONE = run_sweep("one", "traces/trace-0001.csv")
    GLOBAL = run_sweep("global", "'traces/*.csv'", fleet="global")


def text(value):
    return value.decode() if isinstance(value, bytes) else value


def table(f, name):
    data = f[name][()]
    return [{k: text(row[k]) for k in data.dtype.names} for row in data]


def stored():
    with h5py.File(RESULTS, "r") as f:
        return table(f, "fleet"), table(f, "trials"), table(f, "tables/baselines")


def chosen_baseline(baselines, trace, method):
    rows = [b for b in baselines if b["trace"] == trace and b["method"] == method and b["horizon"] == 1]
    return min(rows, key=lambda b: b["val_mse"]) if rows else None


def mean_forecast_mse(trial_ids, split, results=None, trace=None):
    """The members' mean prediction on the points every member predicted, scored as the report does
    (of a global sweep: their predictions on `trace`)."""
    with h5py.File(results or RESULTS, "r") as f:
        groups = [f["trial"][i] for i in trial_ids]
        if trace:
            groups = [next(g for g in group["traces"].values() if text(g.attrs["trace"]) == trace) for group in groups]
        parts = [g["predictions"][()] for g in groups]
    keyed = [{(r["timestamp_ms"], r["horizon_step"]): (r["actual"], r["predicted"]) for r in p if r["split"] == split}
             for p in parts]
    common = sorted(set.intersection(*(set(k) for k in keyed)))
    actual = np.array([keyed[0][k][0] for k in common])
    mean = np.mean([[member[k][1] for k in common] for member in keyed], axis=0)
    return float(np.mean((mean - actual) ** 2))


class FleetRows(unittest.TestCase):
    def test_a_row_per_trace_as_recomputed_from_the_file(self):
        fleet, trials, baselines = stored()
        rows = report_json(RESULTS)["fleet"]
        self.assertEqual([r["trace_id"] for r in rows], [r["trace"] for r in fleet])
        self.assertEqual([r["trace"] for r in rows], ["trace-0000", "trace-0001", "trace-0002"])  # the short form
        for row, expected in zip(rows, fleet):
            mine = [t for t in trials if t["trace"] == expected["trace"] and t["status"] in ("ok", "stopped")]
            best = min(mine, key=lambda t: t["val_mse"])
            self.assertEqual(row["trial"], best["id"])
            self.assertEqual(row["trial"], expected["trial"])
            self.assertEqual((row["look_back"], row["learning_rate"]), (best["look_back"], best["learning_rate"]))
            for name in ("val_mse", "test_mse", "ridge_ar_test_mse", "persistence_test_mse", "ses_test_mse",
                         "ratio_ridge_ar", "ratio_persistence"):
                self.assertEqual(row[name], expected[name], name)
            naive = chosen_baseline(baselines, expected["trace"], "seasonal_naive")
            self.assertEqual(row["seasonal_naive_test_mse"], naive["test_mse"])
            self.assertEqual(row["ratio_ridge_ar"], best["test_mse"] / chosen_baseline(baselines, expected["trace"], "ridge_ar")["test_mse"])

    def test_guarded_is_the_rule_replayed_per_trace(self):
        _, trials, baselines = stored()
        branches = set()
        for row in report_json(RESULTS)["fleet"]:
            trace = row["trace_id"]
            ridge = chosen_baseline(baselines, trace, "ridge_ar")
            ranked = sorted((t for t in trials if t["trace"] == trace and np.isfinite(t["val_mse"])),
                            key=lambda t: (t["val_mse"], int(t["id"])))
            good = [t["id"] for t in ranked if t["val_mse"] <= ridge["val_mse"] - 0.02 * abs(ridge["val_mse"])][:3]
            if good:
                branches.add("trials")
                self.assertEqual(row["guarded"], "trials " + " ".join(good))
                self.assertAlmostEqual(row["guarded_test_mse"], mean_forecast_mse(good, 2), places=12)
            else:
                branches.add("ridge")
                self.assertEqual(row["guarded"], f"ridge_ar (look-back {ridge['look_back']})")
                self.assertEqual(row["guarded_test_mse"], ridge["test_mse"])
            self.assertEqual(row["guarded_ratio_ridge_ar"], row["guarded_test_mse"] / ridge["test_mse"])
            persistence = chosen_baseline(baselines, trace, "persistence")
            self.assertEqual(row["guarded_ratio_persistence"], row["guarded_test_mse"] / persistence["test_mse"])
        # The fixture takes both branches (asserted, so the test cannot pass on one alone).
        self.assertEqual(branches, {"trials", "ridge"})

    def test_fleet_table_holds_the_report_guarded_forecast(self):
        assert_fleet_guarded_is_the_reports(self, RESULTS)

    def test_summary_is_numpy_over_the_rows(self):
        doc = report_json(RESULTS)
        rows, summary = doc["fleet"], doc["fleet_summary"]
        self.assertEqual([(s["mode"], s["forecast"], s["against"]) for s in summary],
                         [("local", "best trial", "ridge_ar"), ("local", "best trial", "persistence"),
                          ("local", "guarded", "ridge_ar"), ("local", "guarded", "persistence")])
        columns = ["ratio_ridge_ar", "ratio_persistence", "guarded_ratio_ridge_ar", "guarded_ratio_persistence"]
        for line, column in zip(summary, columns):
            ratios = np.array([r[column] for r in rows])
            self.assertEqual(line["traces"], 3)
            for name, q in (("median", 50), ("q1", 25), ("q3", 75)):
                self.assertAlmostEqual(line[name], np.percentile(ratios, q), places=13, msg=f"{column} {name}")
            self.assertEqual((line["best"], line["worst"]), (ratios.min(), ratios.max()))
            self.assertEqual((line["wins"], line["losses"]), (int(np.sum(ratios < 1)), int(np.sum(ratios > 1))))
            self.assertEqual(line["win_share"], np.sum(ratios < 1) / 3)

    def test_a_running_fleet_read_from_its_trial_files_gives_the_same_rows(self):
        folder = report_json(os.path.splitext(RESULTS)[0])
        self.assertEqual(folder["fleet"], report_json(RESULTS)["fleet"])


def assert_fleet_guarded_is_the_reports(case, results):
    """/fleet's guarded columns (written at the aggregate) are the report's fleet rows' (one rule)."""
    with h5py.File(results, "r") as f:
        fleet = table(f, "fleet")
    rows = report_json(results)["fleet"]
    case.assertEqual(len(fleet), len(rows))
    for stored, row in zip(fleet, rows):
        case.assertEqual(stored["trace"], row["trace_id"])
        case.assertEqual(stored["guarded"], row["guarded"])
        for name in ("guarded_test_mse", "guarded_ratio_ridge_ar", "guarded_ratio_persistence"):
            case.assertEqual(stored[name], row[name], name)


def global_scores():
    """{trace: {trial id: its metrics on that trace}} from a global sweep's trial groups."""
    scores = {}
    with h5py.File(GLOBAL, "r") as f:
        for trial_id, trial in f["trial"].items():
            for group in trial["traces"].values():
                scores.setdefault(text(group.attrs["trace"]), {})[trial_id] = dict(group["metrics"].attrs)
    return scores


class GlobalFleet(unittest.TestCase):
    """`fleet: global`: the rows are the one model chosen on the pooled validation, seen on each trace."""

    def test_each_row_is_the_pooled_choice_scored_on_its_trace(self):
        with h5py.File(GLOBAL, "r") as f:
            fleet, trials = table(f, "fleet"), table(f, "trials")
        scores = global_scores()
        pooled = min((t for t in trials if t["status"] in ("ok", "stopped")), key=lambda t: (t["val_mse"], int(t["id"])))
        rows = report_json(GLOBAL)["fleet"]
        self.assertEqual([r["trace_id"] for r in rows], sorted(scores))
        self.assertEqual(len(rows), 3)
        for row, expected in zip(rows, fleet):
            self.assertEqual(row["trace_id"], expected["trace"])
            self.assertEqual((row["trial"], expected["trial"]), (pooled["id"], pooled["id"]))
            mine = scores[row["trace_id"]][pooled["id"]]
            self.assertEqual((row["val_mse"], row["test_mse"]), (mine["val_mse"], mine["test_mse"]))
            for name in ("ridge_ar_test_mse", "persistence_test_mse", "ratio_ridge_ar", "ratio_persistence"):
                self.assertEqual(row[name], expected[name], name)

    def test_guarded_ranks_the_global_models_on_each_traces_validation(self):
        with h5py.File(GLOBAL, "r") as f:
            baselines = table(f, "tables/baselines")
        scores = global_scores()
        for row in report_json(GLOBAL)["fleet"]:
            trace = row["trace_id"]
            ridge = chosen_baseline(baselines, trace, "ridge_ar")
            ranked = sorted(scores[trace].items(), key=lambda item: (item[1]["val_mse"], int(item[0])))
            good = [i for i, m in ranked if m["val_mse"] <= ridge["val_mse"] - 0.02 * abs(ridge["val_mse"])][:3]
            if good:
                self.assertEqual(row["guarded"], "trials " + " ".join(good))
                self.assertAlmostEqual(row["guarded_test_mse"], mean_forecast_mse(good, 2, GLOBAL, trace), places=12)
            else:
                self.assertEqual(row["guarded_test_mse"], ridge["test_mse"])
        assert_fleet_guarded_is_the_reports(self, GLOBAL)

    def test_summary_says_global_and_trace_narrows_to_the_views(self):
        summary = report_json(GLOBAL)["fleet_summary"]
        self.assertEqual({s["mode"] for s in summary}, {"global"})
        scores = global_scores()
        trace = sorted(scores)[1]
        board = report_json(GLOBAL, "--trace", trace, "--top", "100")["leaderboard"]
        mine = sorted(scores[trace].items(), key=lambda item: (item[1]["val_mse"], int(item[0])))
        self.assertEqual([r["id"] for r in board if r["kind"] == "trial"], [i for i, _ in mine])
        for row in (r for r in board if r["kind"] == "trial"):
            self.assertEqual(row["test_mse"], scores[trace][row["id"]]["test_mse"])

    def test_predict_scales_a_trace_it_never_saw_on_that_traces_own_training_part(self):
        source = os.path.join(WORK, "traces", "trace-0001.csv")
        affine = os.path.join(WORK, "affine.csv")  # 10 x + 5: not one of the traces it learned from
        with open(source) as f, open(affine, "w") as out:
            rows = list(csv.reader(f))
            out.write(",".join(rows[0]) + "\n")
            for stamp, value in rows[1:]:
                out.write(f"{stamp},{10 * float(value) + 5!r}\n")
        seen = list(csv.DictReader(io.StringIO(vmsweep("predict", GLOBAL, "--data", source).stdout)))
        unseen = list(csv.DictReader(io.StringIO(vmsweep("predict", GLOBAL, "--data", affine).stdout)))
        self.assertEqual(len(seen), 1)
        # Scaled on its own training part, the copy's inputs are the source's: so are the outputs.
        self.assertAlmostEqual(float(unseen[0]["forecast"]), 10 * float(seen[0]["forecast"]) + 5, delta=1e-4)
        # Its intervals come from its own validation errors, ten times the source's.
        for bound in ("lower_80", "upper_80"):
            self.assertAlmostEqual(float(unseen[0][bound]), 10 * float(seen[0][bound]) + 5, delta=1e-3)

    def test_beside_sets_the_global_model_beside_the_local_searches_per_trace(self):
        doc = report_json(RESULTS, "--beside", GLOBAL)
        alone = report_json(RESULTS)
        on_its_own = report_json(GLOBAL)
        global_rows = {r["trace_id"]: r for r in on_its_own["fleet"]}
        self.assertEqual(len(doc["fleet"]), 3)
        for row, local in zip(doc["fleet"], alone["fleet"]):
            self.assertEqual({k: row[k] for k in local}, local)  # the local columns as without --beside
            other = global_rows[row["trace_id"]]
            self.assertEqual((row["global_trial"], row["global_test_mse"], row["global_ratio_ridge_ar"]),
                             (other["trial"], other["test_mse"], other["ratio_ridge_ar"]))
        self.assertEqual([s["mode"] for s in doc["fleet_summary"]], ["local"] * 4 + ["global"] * 4)
        self.assertEqual(doc["fleet_summary"][:4], alone["fleet_summary"])
        self.assertEqual(doc["fleet_summary"][4:], on_its_own["fleet_summary"])

    def test_beside_matches_traces_by_file_when_the_sweep_files_sit_apart(self):
        os.makedirs(os.path.join(WORK, "elsewhere"), exist_ok=True)
        sweep = os.path.join(WORK, "elsewhere", "apart.yaml")
        with open(sweep, "w") as f:
            f.write(SWEEP.format(name="apart", path="'../traces/*.csv'") + "fleet: global\n")
        vmsweep("run", sweep, "--results", os.path.join(WORK, "results"), "--threads", "1", "-q")
        apart = os.path.join(WORK, "results", "apart.h5")
        self.assertEqual(report_json(apart)["fleet"][0]["trace_id"], "../traces/trace-0000.csv")  # other ids
        rows = report_json(RESULTS, "--beside", apart)["fleet"]
        same = report_json(RESULTS, "--beside", GLOBAL)["fleet"]
        self.assertEqual([r["global_test_mse"] for r in rows], [r["global_test_mse"] for r in same])
        self.assertTrue(all(r["global_trial"] is not None for r in rows))

    def test_beside_refuses_what_is_not_a_fleet_of_these_traces(self):
        for args in ((RESULTS, "--beside", ONE), (ONE, "--beside", GLOBAL), (RESULTS, "--beside", GLOBAL, "--trace", "trace-0001")):
            run = vmsweep("report", *args, expect=2)
            self.assertIn("--beside", run.stderr)
            self.assertEqual(run.stdout, "")

    def test_the_plot_draws_the_fleet_page(self):
        out = os.path.join(WORK, "plots-global")
        vmsweep("plot", GLOBAL, "-o", out)
        self.assertGreater(os.path.getsize(os.path.join(out, "fleet.png")), 50_000)


class LocalPredict(unittest.TestCase):
    """`vmsweep predict` on a local fleet forecasts a trace with that trace's own best trial."""

    def test_each_trace_gets_its_own_best_trial(self):
        fleet, _, _ = stored()
        for row in fleet:
            trace = os.path.join(WORK, row["trace"])
            doc = json.loads(vmsweep("predict", RESULTS, "--data", trace, "--format", "json").stdout)
            self.assertEqual({r["field"]: r["value"] for r in doc["about"]}["trials"], row["trial"])
            chosen = json.loads(vmsweep("predict", RESULTS, "--data", trace, "--trial", row["trial"], "--format", "json").stdout)
            self.assertEqual(doc["forecast"], chosen["forecast"])

    def test_a_file_outside_the_fleet_or_an_ensemble_is_exit_2(self):
        for args in (("--data", os.path.join(WORK, "affine.csv")),
                     ("--data", os.path.join(WORK, "traces", "trace-0000.csv"), "--ensemble", "top_k")):
            if not os.path.exists(args[1]):
                shutil.copy(os.path.join(WORK, "traces", "trace-0000.csv"), args[1])
            run = vmsweep("predict", RESULTS, *args, expect=2)
            self.assertIn("a model per trace", run.stderr)
            self.assertEqual(run.stdout, "")


class OneTrace(unittest.TestCase):
    def test_trace_shows_only_that_traces_trials_and_baselines(self):
        _, trials, baselines = stored()
        fleet_rows = report_json(RESULTS)["fleet"]
        for short, full in (("trace-0002", "traces/trace-0002.csv"), ("traces/trace-0000.csv", "traces/trace-0000.csv")):
            board = report_json(RESULTS, "--trace", short, "--top", "100")["leaderboard"]
            mine = sorted((t for t in trials if t["trace"] == full), key=lambda t: (t["val_mse"], int(t["id"])))
            self.assertEqual([r["id"] for r in board if r["kind"] == "trial"], [t["id"] for t in mine])
            self.assertEqual(len([r for r in board if r["kind"] == "baseline"]),
                             len([b for b in baselines if b["trace"] == full]))
            for row in (r for r in board if r["kind"] == "baseline"):
                self.assertIn(row["test_mse"], [b["test_mse"] for b in baselines if b["trace"] == full])
            (guarded,) = [r for r in board if r["id"].startswith("guarded")]
            (fleet_row,) = [r for r in fleet_rows if r["trace_id"] == full]
            self.assertEqual(guarded["test_mse"], fleet_row["guarded_test_mse"])

    def test_unknown_trace_is_exit_2_naming_the_traces(self):
        run = vmsweep("report", RESULTS, "--trace", "vm9", expect=2)
        self.assertIn("no trace 'vm9' (3 traces: trace-0000, trace-0001, trace-0002)", run.stderr)
        self.assertEqual(run.stdout, "")

    def test_a_one_trace_sweep_keeps_its_report(self):
        doc = report_json(ONE)
        self.assertNotIn("fleet", doc)
        self.assertIn("leaderboard", doc)
        self.assertEqual(doc, report_json(ONE, "--trace", "traces/trace-0001.csv"))


class Formats(unittest.TestCase):
    def test_csv_is_the_fleet_section_and_reads_back_as_json(self):
        rows = list(csv.DictReader(io.StringIO(vmsweep("report", RESULTS, "--format", "csv").stdout)))
        expected = report_json(RESULTS)["fleet"]
        self.assertEqual([r["trace"] for r in rows], [r["trace"] for r in expected])
        for row, want in zip(rows, expected):
            self.assertEqual(float(row["guarded_test_mse"]), want["guarded_test_mse"])
        summary = list(csv.DictReader(io.StringIO(vmsweep("report", RESULTS, "--format", "csv", "--section", "fleet_summary").stdout)))
        self.assertEqual(len(summary), 4)

    def test_table_and_markdown_show_both_sections(self):
        table = vmsweep("report", RESULTS).stdout
        self.assertIn("fleet: per trace", table)
        self.assertIn("fleet summary", table)
        markdown = vmsweep("report", RESULTS, "--format", "markdown").stdout
        self.assertIn("| trace | trial |", markdown)
        self.assertIn("| mode | forecast | against |", markdown)


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


class Plots(unittest.TestCase):
    def test_a_fleet_gets_the_fleet_page(self):
        out = os.path.join(WORK, "plots-fleet")
        vmsweep("plot", RESULTS, "-o", out)
        page = os.path.join(out, "fleet.png")
        self.assertGreater(os.path.getsize(page), 50_000)  # four panels drawn, not blank
        self.assertEqual(png_size(page), (1600, 1000))
        self.assertFalse(any(name.endswith(".json") for name in os.listdir(out)))  # its input removed

    def test_one_trace_has_none(self):
        out = os.path.join(WORK, "plots-one")
        vmsweep("plot", ONE, "-o", out)
        self.assertIn("sweep_metric.png", os.listdir(out))
        self.assertNotIn("fleet.png", os.listdir(out))


if __name__ == "__main__":
    BINARY, WORK = sys.argv[1], sys.argv[2]
    setup()
    unittest.main(argv=sys.argv[:1], verbosity=2)
