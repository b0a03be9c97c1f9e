#!/usr/bin/env bash
# scripts/fetch-data.sh on a machine with no copy of aa.txt: it downloads the notebook repository's
# aa.txt at the pinned commit, keeps it only when the sha256 matches, and leaves no temp file.
#   fetch_data.sh SOURCE_DIR AA_TXT
# curl is replaced by a stand-in that records the URL and serves a file (no internet in CI).
set -euo pipefail
source_dir=$1
aa_txt=$2
pinned=https://raw.githubusercontent.com/Amirrezahmi/LSTM-based-VM-Load-Prediction/f7d12d56f301c44ef4bb0bdf7d2090f67909824f/aa.txt

work=$(mktemp -d /tmp/vmsweep-fetch-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/checkout/scripts" "$work/checkout/data" "$work/bin"
cp "$source_dir/scripts/fetch-data.sh" "$work/checkout/scripts/"
cat >"$work/bin/curl" <<'CURL'
#!/usr/bin/env bash
# Writes $SERVE to the -o file and records the last argument (the URL).
out=
while [ $# -gt 1 ]; do
  if [ "$1" = -o ]; then out=$2; shift; fi
  shift
done
echo "$1" >>"$CURL_LOG"
cp "$SERVE" "$out"
CURL
chmod +x "$work/bin/curl"

fetch() {  # fetch SERVED_FILE: runs fetch-data.sh without a local copy; prints its exit code
  local code=0
  env -u VMSWEEP_AA_SOURCE -u VMSWEEP_AA_URL PATH="$work/bin:$PATH" CURL_LOG="$work/urls" SERVE="$1" \
    "$work/checkout/scripts/fetch-data.sh" >"$work/log" 2>&1 || code=$?
  echo "$code"
}

printf 'datetime\tdata_hourly\n2013-01-01 00:00:00\t1\n' >"$work/altered.txt"
[ "$(fetch "$work/altered.txt")" -eq 1 ] || fail "an altered download was accepted: $(cat "$work/log")"
grep -q "checksum mismatch" "$work/log" || fail "no checksum message: $(cat "$work/log")"
[ -z "$(ls -A "$work/checkout/data")" ] || fail "an altered download left files: $(ls "$work/checkout/data")"

[ "$(fetch "$aa_txt")" -eq 0 ] || fail "the download was refused: $(cat "$work/log")"
cmp -s "$aa_txt" "$work/checkout/data/aa.txt" || fail "data/aa.txt is not the served file"
[ "$(ls -A "$work/checkout/data")" = aa.txt ] || fail "temp files left: $(ls "$work/checkout/data")"
[ "$(sort -u "$work/urls")" = "$pinned" ] || fail "downloaded from $(sort -u "$work/urls"), expected $pinned"
echo "PASS: fetch-data.sh downloads the pinned aa.txt and checks it"
