#!/usr/bin/env bash
# Load + clean + resample to daily + window a 10-million-row synthetic trace (~270 MB of text):
# vmsweep (bench_data) on 1 and 2 threads against pandas (read_csv + resample('D').mean())
# in the same run. Each run is repeated REPEATS times and the minimum kept (the machine is shared).
# Prints one table: seconds (wall, measured inside each process around the data work), process
# CPU seconds, peak RSS (from /usr/bin/time -v) against the file size, and the ratios; and whether
# the 1- and 2-thread results are bitwise identical.
# The trace is 5-minutely, not hourly: ten million hours span 1,141 years, and pandas timestamps
# (nanoseconds in an int64) end in 2262; ten million 5-minute steps span 95 years (1990-2085).
# Usage: bench/bench_data.sh [BUILD_DIR]      (default: build; needs the vmsweep and bench_data targets)
#   REPEATS=3  ROWS=10000000  TRACE=/tmp/vmsweep_bench_10M.tsv
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
binary="$build/bench/bench_data"
repeats="${REPEATS:-3}"
rows="${ROWS:-10000000}"
trace="${TRACE:-/tmp/vmsweep_bench_$((rows / 1000000))M.tsv}"
for program in "$binary" "$build/vmsweep"; do
  [[ -x "$program" ]] || { echo "bench_data.sh: $program not found (cmake --build $build --target vmsweep bench_data)" >&2; exit 2; }
done

if [[ ! -s "$trace" ]]; then
  "$build/vmsweep" data synth --steps "$rows" --interval 5min --start 1990-01-01T00:00:00 --gap-rate 0 -o "$trace"
fi

results="$(mktemp)"
trap 'rm -f "$results" "$results.time"' EXIT

# run COMMAND...: appends "<result line> cpu=<user+sys s> rss_kb=<max RSS>" to $results
run() {
  local line
  line="$(/usr/bin/time -v -o "$results.time" "$@")"
  echo "$line $(awk '/User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident set size/ {m=$NF}
                     END {printf "cpu=%.3f rss_kb=%d", u + s, m}' "$results.time")" >>"$results"
}

pandas_script='
import sys, time
import pandas as pd
start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], sep="\t", parse_dates=["datetime"], index_col="datetime")
daily = frame["load"].resample("D").mean()
seconds = time.perf_counter() - start
print(f"engine=pandas threads=1 seconds={seconds:.4f} rows={len(frame)} steps={len(daily)} windows=- checksum=-")
'

for ((r = 0; r < repeats; ++r)); do
  for threads in 1 2; do run "$binary" "$trace" --threads "$threads"; done
  run /usr/bin/python3 -c "$pandas_script" "$trace"
done

/usr/bin/python3 - "$results" "$(stat -c %s "$trace")" "$trace" <<'PY'
import sys
from collections import defaultdict

path, file_bytes, trace = sys.argv[1], int(sys.argv[2]), sys.argv[3]
runs = defaultdict(list)
for line in open(path):
    fields = dict(item.split("=", 1) for item in line.split())
    runs[(fields["engine"], int(fields["threads"]))].append(fields)

def best(key, field):
    return min(float(run[field]) for run in runs[key])

pandas = best(("pandas", 1), "seconds")
one = best(("vmsweep", 1), "seconds")
print(f"trace: {trace}, {file_bytes / 1e6:.0f} MB, {runs[('vmsweep', 1)][0]['rows']} 5-minute rows -> "
      f"{runs[('vmsweep', 1)][0]['steps']} days; minimum of {len(runs[('pandas', 1)])} runs each")
print(f"{'engine':<10}{'threads':>8}{'wall s':>9}{'CPU s':>8}{'peak RSS MB':>13}{'RSS/file':>10}{'vs pandas':>11}{'vs 1 thread':>13}")
for key in [("pandas", 1), ("vmsweep", 1), ("vmsweep", 2)]:
    wall, cpu = best(key, "seconds"), best(key, "cpu")
    rss = max(int(run["rss_kb"]) for run in runs[key]) * 1024
    scaling = f"{one / wall:.2f}x" if key[0] == "vmsweep" else "-"
    print(f"{key[0]:<10}{key[1]:>8}{wall:>9.3f}{cpu:>8.2f}{rss / 1e6:>13.0f}{rss / file_bytes:>10.2f}"
          f"{pandas / wall:>10.1f}x{scaling:>13}")
checksums = {run["checksum"] for key in [("vmsweep", 1), ("vmsweep", 2)] for run in runs[key]}
print("1- and 2-thread results bitwise identical:", "yes" if len(checksums) == 1 else f"NO ({checksums})")
PY
