# Sourced by the dist test scripts: fail MESSAGE, and expect_code CODE COMMAND... (fails unless
# COMMAND exits with CODE).
fail() { echo "FAIL: $*" >&2; exit 1; }

expect_code() {
  local expected=$1
  shift
  local code=0
  "$@" || code=$?
  [ "$code" -eq "$expected" ] || fail "'$*' exited with $code, expected $expected"
}
