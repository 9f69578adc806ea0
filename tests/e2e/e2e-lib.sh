# Shared by the end-to-end scripts, which run the real binaries; each is started by ctest as
#   bash SCRIPT SERVER_BINARY CLIENT_BINARY SOURCE_DIR
# and sources this file first with its own name for the work dir:
#   source "$3/tests/e2e/e2e-lib.sh" junheng-e2e "$@"
# It sets SERVER_BIN, CLIENT_BIN and SRC, sources deploy/server-lib.sh, makes WORK (a fresh temp
# dir, removed by the caller's cleanup) with the client's outbox and receipts inside it
# (XDG_DATA_HOME), and defines the checks below, which count what fails in $failures.
E2E_NAME="$1"
SERVER_BIN="$2"
CLIENT_BIN="$3"
SRC="$4"
source "$SRC/deploy/server-lib.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/$E2E_NAME-XXXXXX")
export XDG_DATA_HOME="$WORK/xdg"  # never the developer's own outbox
failures=0
check() {  # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "ok   - $1"; else echo "FAIL - $1 (expected '$2', got '$3')"; failures=$((failures + 1)); fi
}
contains() {  # contains DESCRIPTION FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok   - $1"; else echo "FAIL - $1: '$3' not in:"; cat "$2"; failures=$((failures + 1)); fi
}
