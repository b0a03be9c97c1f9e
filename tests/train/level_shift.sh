#!/usr/bin/env bash
# Issue 13's drift test: a synthetic hourly trace (trend, daily and weekly cycles, noise; fixed seed)
# whose level jumps by 12 inside the test part, out of the range seen in training. An LSTM with
# window_norm std beats the ridge AR baseline on the test part; the same LSTM without it does not
# (minmax-scaled inputs beyond 1 ask it for outputs it never produced).
#   level_shift.sh VMSWEEP
set -euo pipefail
vmsweep=$1
work=$(mktemp -d /tmp/vmsweep-level-shift.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$vmsweep" data synth -o shift.tsv --steps 2400 --seed 3 --interval H --level 20 --trend 0.05 --daily 4 \
  --weekly 1 --noise 1.5 --burst-rate 0 --gap-rate 0 --shift 12 --shift-at 0.9 >/dev/null
cat >shift.yaml <<'YAML'
name: shift
data: {path: shift.tsv, timestamp: datetime, value: load, split: {train: 0.7, val: 0.1, test: 0.2}}
method: grid
parameters:
  window_norm: {values: [none, std]}
  look_back: {value: 24}
  layers: {value: [16]}
  learning_rate: {value: 0.01}
  epochs: {value: 30}
  patience: {value: 5}
  lr_schedule: {value: constant}
  seed: {value: 1}
YAML
"$vmsweep" run shift.yaml --results results --threads 1 --quiet >/dev/null
"$vmsweep" report results/shift.h5 --format csv >report.csv
# Leaderboard rows: rank,kind,id,window_norm,val_mse,val_mae,test_mse,...
test_mse() { awk -F, -v kind="$1" -v key="$2" '$2 == kind && ($3 ~ key || $4 == key) {print $7; exit}' report.csv; }
ridge=$(test_mse baseline '^ridge_ar')
with=$(test_mse trial std)
without=$(test_mse trial none)
echo "test MSE: ridge AR $ridge, LSTM with window_norm std $with, without $without"
[ -n "$ridge" ] && [ -n "$with" ] && [ -n "$without" ] || fail "a row is missing from the report: $(cat report.csv)"
awk -v a="$with" -v b="$ridge" 'BEGIN {exit !(a < b)}' || fail "with window_norm std the LSTM ($with) does not beat ridge AR ($ridge)"
awk -v a="$without" -v b="$ridge" 'BEGIN {exit !(a > b)}' || fail "without window_norm the LSTM ($without) beats ridge AR ($ridge): the trace no longer tests drift"
