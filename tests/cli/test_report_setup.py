#!/usr/bin/python3
"""Fixture for the report and plot tests: a tiny real sweep on aa.txt run with the real binary.

    test_report_setup.py VMSWEEP AA_TXT OUT_DIR

Writes OUT_DIR/tiny.yaml and runs it: 4 trials of a one-layer LSTM for a few epochs on aa.txt's
daily means with the beat-notebook split (the last 96 windows test, the 54 before them validation),
giving OUT_DIR/results/tiny.h5 and OUT_DIR/results/tiny/trials/*.h5. Trials take well under a second.
Then the same with two seeds per configuration (tiny_repeats.yaml -> results/tiny_repeats.h5), for
the seed_mean ensemble. And tiny_weak.yaml: two trials barely trained (one epoch at a tiny learning
rate), which ridge AR beats on validation, for the guarded ensemble's fallback.
"""
import os
import shutil
import subprocess
import sys

SWEEP = """\
name: tiny
seed: 7
data:
  path: {aa}
  timestamp: datetime
  value: data_hourly
  resample: {{freq: D, agg: mean}}
  split: {{val: 54, test: 96}}
method: grid
metric: {{name: val_mse, goal: minimize}}
parameters:
  look_back: {{values: [7, 14]}}
  layers: {{values: [[8], [16]]}}
  learning_rate: {{values: [0.01]}}
  epochs: {{value: 6}}
  patience: {{value: 3}}
"""

REPEATS = SWEEP.replace("name: tiny", "name: tiny_repeats").replace("seed: 7", "seed: 7\nrepeats: 2") \
               .replace("look_back: {{values: [7, 14]}}", "look_back: {{value: 7}}")

WEAK = SWEEP.replace("name: tiny", "name: tiny_weak").replace("look_back: {{values: [7, 14]}}", "look_back: {{value: 7}}") \
            .replace("learning_rate: {{values: [0.01]}}", "learning_rate: {{values: [0.000001]}}") \
            .replace("epochs: {{value: 6}}", "epochs: {{value: 1}}")


def run_sweep(binary, text, name, aa_txt, out_dir):
    sweep = os.path.join(out_dir, name + ".yaml")
    with open(sweep, "w") as f:
        f.write(text.format(aa=os.path.abspath(aa_txt)))
    run = subprocess.run([binary, "run", sweep, "--results", os.path.join(out_dir, "results"), "--threads", "1", "-q"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"vmsweep run exited {run.returncode}:\n{run.stdout}\n{run.stderr}")
    assert os.path.exists(os.path.join(out_dir, "results", name + ".h5"))


def main(binary, aa_txt, out_dir):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    run_sweep(binary, SWEEP, "tiny", aa_txt, out_dir)
    run_sweep(binary, REPEATS, "tiny_repeats", aa_txt, out_dir)
    run_sweep(binary, WEAK, "tiny_weak", aa_txt, out_dir)


if __name__ == "__main__":
    main(*sys.argv[1:4])
