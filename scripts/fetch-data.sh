#!/usr/bin/env bash
# Puts the notebook's trace at data/aa.txt, verified by its sha256.
#   scripts/fetch-data.sh [--from FILE]
# With --from (or VMSWEEP_AA_SOURCE) the file is copied from there (CI has no internet);
# otherwise it is downloaded from the notebook's public repository.
set -euo pipefail
cd "$(dirname "$0")/.."

url="${VMSWEEP_AA_URL:-https://raw.githubusercontent.com/FIXME/aa.txt}"
sha256=c8b7d99eeaf9a8ce73805be0acd6058440d044198e038fb4c0d90785efec8d9b
target=data/aa.txt
source_file="${VMSWEEP_AA_SOURCE:-}"
if [ "${1:-}" = "--from" ]; then source_file="${2:?--from needs a file}"; fi

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
  curl --fail --silent --show-error --location --retry 3 -o "$tmp" "$url"
fi
if ! verify "$tmp"; then
  echo "fetch-data: checksum mismatch for $target (expected sha256 $sha256)" >&2
  exit 1
fi
mv "$tmp" "$target"
trap - EXIT
echo "fetch-data: $target verified"
