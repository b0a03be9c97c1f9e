#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in build-fuzz/ (a tree of its own: the
# libraries they link are compiled with clang, coverage feedback, ASan and UBSan) and runs each for
# VMSWEEP_FUZZ_SECONDS (default 60), all at once, from its seed corpus. Fails on a crash, a
# sanitizer report, an input slower than 10 s or one needing over 2 GB, and names the saved input:
# fix the bug, then keep that input in tests/fuzz/regressions/TARGET/ (docs/reliability.md).
#   scripts/fuzz.sh            (scripts/install-deps.sh --fuzz installs clang first)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${VMSWEEP_FUZZ_SECONDS:-60}
targets=(fuzz_sweep_file fuzz_trace fuzz_wire fuzz_wire_seeds)

flags="-O1 -gline-tables-only -DNDEBUG"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" \
  -DVMSWEEP_FUZZ=ON -DVMSWEEP_FUZZ_SECONDS="$seconds" "$@" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
rm -rf build-fuzz/tests/fuzz/crashes/*
# Three targets on any number of cores: each gets its seconds of wall time, so the pass takes
# about $seconds whatever the machine.
code=0
ctest --test-dir build-fuzz --output-on-failure -j3 || code=$?
if compgen -G "build-fuzz/tests/fuzz/crashes/*" >/dev/null; then
  echo "fuzz: inputs that failed (replay one with build-fuzz/tests/fuzz/fuzz_TARGET FILE):" >&2
  ls -l build-fuzz/tests/fuzz/crashes/ >&2
fi
exit "$code"
