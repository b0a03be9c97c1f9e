#!/usr/bin/env bash
# One epoch of the notebook model (T=14, [256,128,64]) and of an hourly one (T=168, [128,64]) on 1
# and 2 threads, vmsweep (bench_model) against PyTorch training the same model the same way, in
# the same run. Each run is repeated REPEATS times and the minimum kept (the machine is shared).
# Prints one table: seconds/epoch (wall and process CPU), GFLOP/s, % of peak, speedup vs PyTorch,
# peak RSS (from /usr/bin/time -v). A second table times the notebook model with issue 13's levers
# on (window_norm std, target delta, ar_highway 14) against the same model without them, the two
# trained in turn in one process so a busy neighbour slows both alike (< 10% is the goal).
# Usage: bench/bench_model.sh [BUILD_DIR]      (default: build; needs the bench_model target)
#   REPEATS=3  PEAK_GFLOPS=78.4 (single-core SGEMM peak: 2.45 GHz x 32 FLOP/cycle)
#   OMP_WAIT_POLICY is left as the caller has it, for both. Unset, libgomp spins briefly before
#   sleeping, which is what 2 threads need on dedicated cores (passive made 2 threads slower than 1
#   at T=14: every time step's small GEMMs wake sleeping threads). On a machine shared with other
#   work, set it to passive: spinning threads then steal the cores (docs/onednn-lstm.md, item 9).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
binary="$build/bench/bench_model"
repeats="${REPEATS:-3}"
[[ -x "$binary" ]] || { echo "bench_model.sh: $binary not found (cmake --build $build --target bench_model)" >&2; exit 2; }

results="$(mktemp)"
trap 'rm -f "$results" "$results.time"' EXIT

# run LABEL COMMAND...: appends "<result line> rss_kb=<max RSS>" to $results
run() {
  local line rss
  line="$(/usr/bin/time -v -o "$results.time" "$@")"
  rss="$(awk '/Maximum resident set size/ {print $NF}' "$results.time")"
  while read -r one; do echo "$one rss_kb=$rss"; done <<<"$line" >>"$results"
}

for config in "14 256,128,64 5" "168 128,64 2"; do
  read -r steps hidden epochs <<<"$config"
  for threads in 1 2; do
    for ((r = 0; r < repeats; ++r)); do
      args=(--threads "$threads" --time-steps "$steps" --hidden "$hidden" --epochs "$epochs")
      OMP_NUM_THREADS="$threads" run "$binary" "${args[@]}"
      # the levers' model and the same one without them ("paired") in one process, epoch for epoch
      if [[ "$steps" == 14 ]]; then
        OMP_NUM_THREADS="$threads" run "$binary" "${args[@]}" --window-norm std --target delta --ar-highway 14
      fi
      OMP_NUM_THREADS="$threads" run /usr/bin/python3 "$here/model_vs_pytorch.py" "${args[@]}"
    done
  done
done

/usr/bin/python3 - "$results" "${PEAK_GFLOPS:-78.4}" <<'PY'
import os
import sys
from collections import defaultdict

rows = defaultdict(list)
for line in open(sys.argv[1]):
    impl, *fields = line.split()
    record = dict(field.split("=", 1) for field in fields)
    rows[(record["T"], record["hidden"], int(record["threads"]), impl)].append(record)
peak = float(sys.argv[2])
flops = {key[:3]: float(r[0]["gflop_per_epoch"]) for key, r in rows.items() if key[3] == "vmsweep"}

def best(key, field, pick=min):
    return pick(float(r[field]) for r in rows[key])

print(f"{'config':<22}{'thr':>4} {'impl':<8}{'wall s/ep':>10}{'cpu s/ep':>10}{'GFLOP/s':>9}"
      f"{'%peak/core':>11}{'speedup wall':>13}{'speedup cpu':>12}{'RSS MB':>8}")
for key in sorted((k for k in rows if k[3] not in ("levers", "paired")), key=lambda k: (int(k[0]), k[2], k[3] != "vmsweep")):
    T, hidden, threads, impl = key
    torch = (T, hidden, threads, "pytorch")
    wall, cpu = best(key, "seconds_per_epoch"), best(key, "cpu_seconds_per_epoch")
    gflop = flops[key[:3]]
    per_core = gflop / cpu  # CPU seconds are summed over threads
    speedup_wall = best(torch, "seconds_per_epoch") / wall
    speedup_cpu = best(torch, "cpu_seconds_per_epoch") / cpu
    rss = best(key, "rss_kb", max) / 1024
    print(f"{'T=' + T + ' [' + hidden + ']':<22}{threads:>4} {impl:<8}{wall:>10.3f}{cpu:>10.3f}{gflop / wall:>9.1f}"
          f"{100 * per_core / peak:>10.0f}%{speedup_wall:>12.2f}x{speedup_cpu:>11.2f}x{rss:>8.0f}")
print(f"GFLOP/s = counted FLOPs / wall time; %peak/core = FLOPs per CPU-second / {peak} GFLOP/s; "
      f"minimum of {len(next(iter(rows.values())))} runs each (peak RSS: maximum); "
      f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', 'unset (libgomp default)')}.")
print(f"\n{'levers (std, delta, highway 14)':<34}{'thr':>4}{'wall s/ep':>10}{'cpu s/ep':>10}{'wall ratio':>11}{'cpu ratio':>10}")
for key in sorted(k for k in rows if k[3] == "levers"):
    plain = key[:3] + ("paired",)
    wall, cpu = best(key, "seconds_per_epoch"), best(key, "cpu_seconds_per_epoch")
    print(f"{'T=' + key[0] + ' [' + key[1] + ']':<34}{key[2]:>4}{wall:>10.3f}{cpu:>10.3f}"
          f"{wall / best(plain, 'seconds_per_epoch'):>10.3f}x{cpu / best(plain, 'cpu_seconds_per_epoch'):>9.3f}x")
print("ratio = with the levers / the same model without them, trained in turn in one process (the goal is under 1.10x).")
PY
