#!/usr/bin/env bash
# Forecasting costs, each against a reference measured in the same run:
#  1. `vmsweep predict` end to end (process start to the CSV written) on aa.txt with the notebook
#     model ([256, 128, 64], look-back 14, horizon 7): the best trial alone and the top_k ensemble
#     of five, against the 0.5 s and 1 s targets and against a bare process start (`vmsweep --version`).
#  2. Training cost of horizon 7 against horizon 1 on the notebook model (`vmsweep train`, one
#     thread): the minimum epoch time, per epoch and per training window (a horizon of 7 has 6
#     windows fewer per part). Only the dense head grows, so the ratio should be close to 1.
# Usage: bench/bench_forecast.sh [BUILD_DIR]     (default: build; needs the vmsweep target and hyperfine)
#   REPEATS=3 (training runs per horizon)  RUNS=10 (hyperfine runs per predict command)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
vmsweep="$build/vmsweep"
repeats="${REPEATS:-3}"
runs="${RUNS:-10}"
aa="$here/../data/aa.txt"
for need in "$vmsweep" "$aa"; do [[ -e "$need" ]] || { echo "bench_forecast.sh: $need not found" >&2; exit 2; }; done
command -v hyperfine >/dev/null || { echo "bench_forecast.sh: needs hyperfine (scripts/install-deps.sh --bench)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$vmsweep" run "$here/sweeps/bench_predict.yaml" --results "$work/results" --threads 1 -q >/dev/null
results="$work/results/bench_predict.h5"
hyperfine --warmup 2 --runs "$runs" --style none --export-json "$work/predict.json" \
  -n start "$vmsweep --version" \
  -n best "$vmsweep predict $results --data $aa -o $work/best.csv" \
  -n ensemble5 "$vmsweep predict $results --data $aa --ensemble top_k -o $work/ensemble.csv" >/dev/null

for ((r = 0; r < repeats; ++r)); do
  for horizon in 1 7; do
    "$vmsweep" train --threads 1 --data "$aa" --set resample=D --set epochs=8 --set patience=0 \
      --set horizon="$horizon" | awk -v h="$horizon" '/^epoch/ {print h, $(NF - 1)}' >>"$work/epochs.txt"
  done
done

/usr/bin/python3 - "$work/predict.json" "$work/epochs.txt" "$work/ensemble.csv" <<'PY'
import json
import sys

timing = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
start = timing["start"]["median"]
print(f"{'predict, process start to CSV':<34}{'median s':>9}{'min s':>8}{'target s':>9}{'vs target':>10}{'vs start':>9}")
for name, label, target in (("best", "notebook model, best trial", 0.5), ("ensemble5", "notebook model, ensemble of 5", 1.0)):
    r = timing[name]
    print(f"{label:<34}{r['median']:>9.3f}{r['min']:>8.3f}{target:>9.1f}{r['median'] / target:>9.2f}x{r['median'] / start:>8.1f}x")
print(f"{'bare process start (--version)':<34}{start:>9.3f}{timing['start']['min']:>8.3f}")
rows = open(sys.argv[3]).read().splitlines()
assert len(rows) == 8 and rows[0].startswith("timestamp,"), "the ensemble's CSV has a header and 7 steps"

epochs = {}
for line in open(sys.argv[2]):
    horizon, seconds = line.split()
    epochs.setdefault(int(horizon), []).append(float(seconds))
windows = {1: 385, 7: 379}  # training windows of the default 70/10/20 split of 550 daily steps
one, seven = min(epochs[1]), min(epochs[7])
print()
print(f"{'training, notebook model, 1 thread':<34}{'min s/epoch':>12}{'ms/window':>10}")
for horizon, seconds in ((1, one), (7, seven)):
    print(f"{'horizon ' + str(horizon):<34}{seconds:>12.3f}{1000 * seconds / windows[horizon]:>10.3f}")
print(f"{'horizon 7 / horizon 1':<34}{seven / one:>11.2f}x{(seven / windows[7]) / (one / windows[1]):>9.2f}x")
print(f"minimum of {len(epochs[1])} epochs per horizon; hyperfine medians of the predict commands.")
PY
