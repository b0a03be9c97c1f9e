#!/usr/bin/env bash
# Puts the notebook's trace at data/aa.txt, verified by its sha256 (data/README.md).
#   scripts/fetch-data.sh [--from FILE]
# Where it comes from, first match wins:
#   1. data/aa.txt already there and verified;
#   2. --from FILE or VMSWEEP_AA_SOURCE=FILE (CI copies it from ../shared, having no internet);
#   3. ../shared/data/aa.txt beside the checkout (this project's workplace);
#   4. a download from VMSWEEP_AA_URL, by default aa.txt in the notebook's public repository at the
#      commit that added it (the sha256 check below holds for that commit only).
set -euo pipefail
cd "$(dirname "$0")/.."

sha256=c8b7d99eeaf9a8ce73805be0acd6058440d044198e038fb4c0d90785efec8d9b
target=data/aa.txt
source_file="${VMSWEEP_AA_SOURCE:-}"
if [ "${1:-}" = "--from" ]; then source_file="${2:?--from needs a file}"; fi
if [ -z "$source_file" ] && [ -f ../shared/data/aa.txt ]; then source_file=../shared/data/aa.txt; fi
default_url=https://raw.githubusercontent.com/Amirrezahmi/LSTM-based-VM-Load-Prediction/f7d12d56f301c44ef4bb0bdf7d2090f67909824f/aa.txt
url="${VMSWEEP_AA_URL:-$default_url}"

verify() { echo "$sha256  $1" | sha256sum --check --status; }

if [ -f "$target" ] && verify "$target"; then
  echo "fetch-data: $target present and verified"
  exit 0
fi
tmp=$(mktemp "$target.XXXXXX")
trap 'rm -f "$tmp"' EXIT
if [ -n "$source_file" ]; then
  echo "fetch-data: copying $source_file"
  cp "$source_file" "$tmp"
else
  echo "fetch-data: downloading $url"
  if ! curl --fail --silent --show-error --location --retry 3 -o "$tmp" "$url"; then
    echo "fetch-data: the download failed; without internet, give a copy: scripts/fetch-data.sh --from FILE" >&2
    exit 1
  fi
fi
if ! verify "$tmp"; then
  echo "fetch-data: checksum mismatch for $target (expected sha256 $sha256)" >&2
  exit 1
fi
mv "$tmp" "$target"
trap - EXIT
echo "fetch-data: $target verified"
