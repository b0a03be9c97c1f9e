#!/usr/bin/python3
"""`vmsweep plot` on a small real sweep: four non-empty PNG files of the documented sizes, the best
trial by default, and exit code 2 (nothing drawn) for an unknown trial or a file that is not a
vmsweep result.

    test_plot.py VMSWEEP FIXTURE_DIR     (FIXTURE_DIR written by test_report_setup.py)
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import unittest

BINARY = FIXTURE = RESULTS = None
SIZES = {"loss": (1000, 500), "predictions": (1400, 550), "sweep_metric": (1200, 800), "sweep_parallel": (1400, 600)}


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def plot(out, *args, expect=0):
    shutil.rmtree(out, ignore_errors=True)
    run = subprocess.run([BINARY, "plot", *args, "-o", out], capture_output=True, text=True)
    if run.returncode != expect:
        raise AssertionError(f"exit {run.returncode} (expected {expect}): {run.stdout}\n{run.stderr}")
    return run


def best_trial():
    run = subprocess.run([BINARY, "report", RESULTS, "--format", "json", "--no-baselines"], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)["leaderboard"][0]["id"]


class Plots(unittest.TestCase):
    def check_files(self, out, trial):
        expected = {f"loss_trial{trial}.png": SIZES["loss"], f"predictions_trial{trial}.png": SIZES["predictions"],
                    "sweep_metric.png": SIZES["sweep_metric"], "sweep_parallel.png": SIZES["sweep_parallel"]}
        self.assertEqual(sorted(os.listdir(out)), sorted(expected))
        for name, size in expected.items():
            path = os.path.join(out, name)
            self.assertGreater(os.path.getsize(path), 10_000, name)  # drawn, not blank
            self.assertEqual(png_size(path), size, name)

    def test_best_trial_by_default(self):
        out = os.path.join(FIXTURE, "plots-best")
        plot(out, RESULTS)
        self.check_files(out, best_trial())

    def test_default_folder_is_beside_the_trial_files(self):
        # RESULTS is <fixture>/results/tiny.h5: without -o the PNGs go to <fixture>/results/tiny/plots.
        out = os.path.join(os.path.splitext(RESULTS)[0], "plots")
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([BINARY, "plot", RESULTS], capture_output=True, text=True, check=True)
        self.check_files(out, best_trial())

    def test_chosen_trial_from_a_running_sweep_folder(self):
        out = os.path.join(FIXTURE, "plots-folder")
        plot(out, os.path.join(FIXTURE, "results", "tiny"), "--trial", "2")
        self.check_files(out, "2")


class BadInput(unittest.TestCase):
    def test_unknown_trial(self):
        out = os.path.join(FIXTURE, "plots-bad-trial")
        run = plot(out, RESULTS, "--trial", "42", expect=2)
        self.assertIn("no trial '42'", run.stderr)
        self.assertFalse(os.path.exists(out))

    def test_not_a_results_file(self):
        out = os.path.join(FIXTURE, "plots-bad-file")
        run = plot(out, os.path.join(FIXTURE, "tiny.yaml"), expect=2)
        self.assertIn("tiny.yaml", run.stderr)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    BINARY, FIXTURE = sys.argv[1], sys.argv[2]
    RESULTS = os.path.join(FIXTURE, "results", "tiny.h5")
    unittest.main(argv=[sys.argv[0], "-v"])
