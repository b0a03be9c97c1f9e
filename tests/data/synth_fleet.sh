#!/usr/bin/env bash
# vmsweep data synth --traces N: the same seed writes the same files, the traces differ from each
# other and from another seed's, each loads as a trace, and without --traces one file is written as before.
set -euo pipefail
vmsweep=$1
work=$(mktemp -d /tmp/vmsweep-synth-fleet.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$vmsweep" data synth --traces 3 --out "$work/a" --steps 2000 --seed 5 --threads 1
"$vmsweep" data synth --traces 3 --out "$work/b" --steps 2000 --seed 5 --threads 2
"$vmsweep" data synth --traces 3 --out "$work/c" --steps 2000 --seed 6 --threads 1
[ "$(ls "$work/a")" = "$(printf 'trace-0000.csv\ntrace-0001.csv\ntrace-0002.csv')" ] || fail "names: $(ls "$work/a")"
for f in trace-0000.csv trace-0001.csv trace-0002.csv; do
  cmp -s "$work/a/$f" "$work/b/$f" || fail "$f differs for the same seed"
  ! cmp -s "$work/a/$f" "$work/c/$f" || fail "$f is the same for seeds 5 and 6"
done
! cmp -s "$work/a/trace-0000.csv" "$work/a/trace-0001.csv" || fail "traces 0 and 1 are the same"
head -1 "$work/a/trace-0001.csv" | grep -qx "datetime,load" || fail "header: $(head -1 "$work/a/trace-0001.csv")"
"$vmsweep" data inspect "$work/a/trace-0002.csv" | grep -q "value 'load' (auto), comma-separated" || fail "inspect"

"$vmsweep" data synth -o "$work/one.txt" --steps 500 --seed 5 >/dev/null
head -1 "$work/one.txt" | grep -qP "^datetime\tload$" || fail "the single trace is no longer tab-separated"
code=0; "$vmsweep" data synth --traces 2 --out "$work/one.txt" 2>/dev/null || code=$?
[ "$code" -eq 2 ] || fail "a file where the folder should be: exit $code, expected 2"
echo "PASS"
