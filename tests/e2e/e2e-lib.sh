# Shared by the end-to-end scripts, which run the real binaries; each is started by ctest as
#   bash SCRIPT SERVER_BINARY CLIENT_BINARY SOURCE_DIR
# and sources this file first with its own name for the work dir:
#   source "$3/tests/e2e/e2e-lib.sh" junheng-e2e "$@"
# It sets SERVER_BIN, CLIENT_BIN and SRC, sources deploy/server-lib.sh, makes WORK (a fresh temp
# dir, removed by the caller's cleanup) with the client's outbox and receipts inside it
# (XDG_DATA_HOME), sets LANG to English, and defines the checks below, which count what fails in
# $failures.
E2E_NAME="$1"
SERVER_BIN="$2"
CLIENT_BIN="$3"
SRC="$4"
source "$SRC/deploy/server-lib.sh"
# The scripts' expectations are English sentences, so the binaries run in English, as with
# `junheng --lang en` (Chinese is the product's default; i18n_e2e_test.sh checks both). LC_ALL and
# LC_MESSAGES would outrank LANG; en_US need not be installed, junheng only reads the name.
unset LC_ALL LC_MESSAGES
export LANG=en_US.UTF-8

WORK=$(mktemp -d "${TMPDIR:-/tmp}/$E2E_NAME-XXXXXX")
export XDG_DATA_HOME="$WORK/xdg"  # never the developer's own outbox
failures=0
check() {  # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "ok   - $1"; else echo "FAIL - $1 (expected '$2', got '$3')"; failures=$((failures + 1)); fi
}
contains() {  # contains DESCRIPTION FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok   - $1"; else echo "FAIL - $1: '$3' not in:"; cat "$2"; failures=$((failures + 1)); fi
}
