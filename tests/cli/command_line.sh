#!/usr/bin/env bash
# The command line's own messages for mistyped commands and out-of-range numbers:
#   command_line.sh VMSWEEP SWEEP_FILE
# each is exit code 2 and one line that says what was expected, in words.
set -euo pipefail
vmsweep=$1
sweep=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_message PATTERN ARGS...: exit code 2 and stderr matching PATTERN (grep -E), nothing from CLI11's
# DBL_MAX ranges or its "A subcommand is required".
expect_message() {
  local pattern=$1
  shift
  local code=0 message
  message=$("$vmsweep" "$@" 2>&1 >/dev/null) || code=$?
  [ "$code" -eq 2 ] || fail "'vmsweep $*' exited with $code, expected 2: $message"
  grep -qE -- "$pattern" <<<"$message" || fail "'vmsweep $*' said: $message (expected: $pattern)"
  ! grep -qE "179769|A subcommand is required" <<<"$message" || fail "'vmsweep $*' said: $message"
}

commands="data, docs, run, aggregate, report, plot, predict, train, validate"
expect_message "^vmsweep: error: unknown command 'frobnicate'; the commands are $commands " frobnicate
expect_message "^vmsweep: error: unknown command 'reprot' \(did you mean 'report'\?\); the commands are $commands " reprot x.h5
expect_message "^--threads: expected a number greater than 0, got 0$" run "$sweep" --threads 0
expect_message "^--status-every: expected a number greater than 0, got -1.5$" run "$sweep" --status-every -1.5
expect_message "^--top: expected a number greater than 0, got 0$" report x.h5 --top 0
expect_message "^--threads: expected a number greater than 0, got nan$" train --threads nan
expect_message "^--show: expected a number of 0 or more, got -1$" validate "$sweep" --show -1

echo "PASS: command-line messages"
