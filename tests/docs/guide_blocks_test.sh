#!/usr/bin/env bash
# docs.guide_blocks: runs the command blocks of the guides, in order, against a scratch server, so
# that a guide cannot drift from the programs (issue 14, item 18).
#
#   bash tests/docs/guide_blocks_test.sh SERVER_BINARY CLIENT_BINARY SOURCE_DIR [GUIDE...]
#
# GUIDEs default to docs/operator-guide.md, docs/clerk-guide.md and docs/bureau-guide.md, in that
# order: the operator installs the server and hands out the CA and the tokens, a clerk submits,
# the bureau follows the round. (The bureau guide defines period 2024 with dates that are in the
# past of any run, which closes the window, so it comes after the clerk's submission.)
#
# What a guide marks (each convention renders as an ordinary block, or not at all, on GitHub):
#   ```bash runnable          a block the reader copies and runs: the test runs it
#   ```ini file=PATH          a copy of a file of the source tree (the systemd unit; ```toml for
#                             server.toml): must match it
#   <!-- guide-test: install-packages -->
#                             here the reader installs the .deb packages (apt install); the test puts
#                             in the scratch root what they would: the packaged server.toml (after
#                             the substitutions below), the web console's pages, the sample files,
#                             /var/lib/junheng and /etc/junheng/tls (package.install tests the real
#                             packages)
#   <!-- guide-test: start-server -->
#                             here the reader starts the service (systemctl); the test starts
#                             junheng-server with the ExecStart of deploy/systemd/junheng-server.service
#                             and keeps it running to the end
#   <!-- guide-test: fill FILE -->
#                             here the reader fills in the template FILE in Excel; the test types the
#                             sample school's values (deploy/sample/reports-PERIOD.csv) into it
# Blocks that cannot run here (apt, chgrp junheng, systemctl, a date the reader must choose) stay
# unmarked. A guide without a single runnable block fails the test.
#
# How the blocks run: each in its own `bash` with `set -euo pipefail` and a clean environment
# (PATH with the binaries first, LANG=en_US.UTF-8 as the guides' sample output), in the order of
# the guide. The exported variables and the working directory of one block carry over to the next
# block of the same guide, as in the reader's terminal. Each guide is a different person on a
# different machine: its own HOME (config file, outbox, receipts); the guides share one working
# directory, holding a copy of deploy/ and whatever one person hands the next (ca.crt, token files).
# Before a block runs, the values only the reader's county knows are replaced:
#   10.0.0.5:50551          the example server address   -> 127.0.0.1:<a free port>
#   10.0.0.5:8443           the web console's address    -> 127.0.0.1:<another free port>
#   127.0.0.1:50599         the backup check's port       -> 127.0.0.1:<a third free port>
#   /etc/junheng, /var/lib/junheng, /srv, /tmp            -> the same paths under a scratch root
#   /usr/bin/junheng*, /usr/share/junheng*  (the packages' files) -> the same under the scratch
#                           root, where the binaries under test and the source tree's files stand in
#   runuser -u junheng --   (run as the service's user)   -> removed: the test's own user is junheng
# A failure names the guide and the block's line, shows the block as it ran (bash's "line N" is the
# guide's line N) and its output, and ends the test: later blocks build on earlier ones.
# KEEP_WORK=1 keeps the scratch directory.
set -uo pipefail
source "$3/tests/e2e/e2e-lib.sh" junheng-docs "$1" "$2" "$3"
shift 3
GUIDES=("$@")
[ ${#GUIDES[@]} -gt 0 ] || GUIDES=("$SRC/docs/operator-guide.md" "$SRC/docs/clerk-guide.md"
                                   "$SRC/docs/bureau-guide.md")
HELPER="$SRC/tests/docs/guide_blocks.py"
UNIT="$SRC/deploy/systemd/junheng-server.service"
BLOCK_TIMEOUT=${BLOCK_TIMEOUT:-120}

ROOT="$WORK/root"   # stands in for / of the server machine
BIN="$ROOT/usr/bin"
DESK="$WORK/desk"   # the working directory every guide's blocks start in
mkdir -p "$ROOT/etc" "$ROOT/var/lib" "$ROOT/srv" "$ROOT/tmp" "$BIN" "$DESK/deploy" "$WORK/state"
ln -s "$(readlink -f "$SERVER_BIN")" "$BIN/junheng-server"
ln -s "$(readlink -f "$CLIENT_BIN")" "$BIN/junheng"
ln -s "$SRC/deploy/tls/make-certs.sh" "$BIN/junheng-make-certs"
cp -r "$SRC/deploy/sample" "$SRC/deploy/tls" "$SRC/deploy/systemd" "$DESK/deploy/"
read -r PORT HTTP_PORT CHECK_PORT < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
SUBST=(--root "$ROOT" --port "$PORT" --http-port "$HTTP_PORT" --check-port "$CHECK_PORT")

SERVICE_PID=""
PGID_FILE="$WORK/state/none"  # the running block writes its process group here
cleanup() {
  if [ -s "$PGID_FILE" ]; then kill -KILL -- "-$(cat "$PGID_FILE")" 2>/dev/null; fi
  if [ -n "$SERVICE_PID" ]; then kill -TERM "$SERVICE_PID" 2>/dev/null; wait "$SERVICE_PID" 2>/dev/null; fi
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "scratch directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# clean_env HOME: sets CLEAN_ENV to the command that gives a block (or the service) the
# environment it starts from, before its guide's saved exports.
clean_env() {
  CLEAN_ENV=(env -i "HOME=$1" "PATH=$BIN:$PATH" LANG=en_US.UTF-8 TERM=dumb
             "USER=$(id -un)" "LOGNAME=$(id -un)")
}

fail() {  # fail GUIDE LINE WHAT [BLOCK_FILE] [OUTPUT_FILE]
  echo "FAIL - ${1#"$SRC"/}:$2: $3"
  if [ -n "${4:-}" ]; then
    echo "--- the block as it ran, after the substitutions (guide line numbers) ---"
    awk -v from="$(($2 + 1))" 'NR >= from { printf "%5d | %s\n", NR, $0 }' "$4"
  fi
  if [ -n "${5:-}" ]; then
    echo "--- its output ---"
    cat "$5"
  fi
  exit 1
}

run_block() {  # run_block GUIDE LINE BODY STATE_DIR
  local guide="$1" line="$2" body="$3" state="$4"
  local script log="$state/blocks/$line.out" rc
  script="$state/blocks/$line/$(basename "$guide")"
  mkdir -p "$(dirname "$script")"
  # Line 1 of the body file is empty: the preamble goes there, so the block keeps its line numbers.
  {
    printf '%s' "echo \$\$ >'$state/pgid'; set -a; source '$state/env'; set +a; "
    printf '%s' "cd \"\$(cat '$state/cwd')\"; "
    printf '%s' "trap 'export -p >\"$state/env\"; pwd >\"$state/cwd\"' EXIT; set -euo pipefail"
    echo
    tail -n +2 "$body"
  } >"$script"
  PGID_FILE="$state/pgid"
  : >"$PGID_FILE"
  clean_env "$state/home"
  "${CLEAN_ENV[@]}" timeout --kill-after=10 "$BLOCK_TIMEOUT" setsid bash "$script" \
    >"$log" 2>&1 </dev/null
  rc=$?
  # Whatever the block left running in the background goes with it.
  if [ -s "$PGID_FILE" ]; then kill -KILL -- "-$(cat "$PGID_FILE")" 2>/dev/null; fi
  : >"$PGID_FILE"
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    fail "$guide" "$line" "the block did not finish within $BLOCK_TIMEOUT s" "$script" "$log"
  elif [ "$rc" != 0 ]; then
    fail "$guide" "$line" "the block exited with $rc" "$script" "$log"
  fi
}

# install_packages: what `apt install ./junheng-server_*.deb ./junheng_*.deb` leaves behind
# (deploy/CMakeLists.txt, deploy/debian/junheng-server/postinst), in the scratch root.
install_packages() {
  mkdir -p "$ROOT/usr/share/junheng-server" "$ROOT/usr/share/junheng" "$ROOT/etc/junheng"
  ln -s "$SRC/web/public" "$ROOT/usr/share/junheng-server/web"
  cp -r "$SRC/deploy/sample" "$ROOT/usr/share/junheng/sample"
  python3 "$HELPER" substitute "$(cat "$SRC/deploy/systemd/server.toml")" "${SUBST[@]}" \
    >"$ROOT/etc/junheng/server.toml"
  install -d -m 0750 "$ROOT/var/lib/junheng" "$ROOT/etc/junheng/tls"
}

start_service() {  # start_service GUIDE LINE
  local guide="$1" line="$2" exec_start log="$WORK/service.log" address=""
  exec_start=$(sed -n 's/^ExecStart=//p' "$UNIT")
  [ -n "$exec_start" ] || fail "$guide" "$line" "$UNIT has no ExecStart line"
  exec_start=$(python3 "$HELPER" substitute "$exec_start" "${SUBST[@]}")
  local -a command
  read -ra command <<<"$exec_start"
  clean_env "$ROOT/var/lib/junheng"
  (cd "$ROOT/var/lib" && exec "${CLEAN_ENV[@]}" setsid "${command[@]}") \
    >"$log" 2>&1 </dev/null &
  SERVICE_PID=$!
  for _ in $(seq 1 150); do
    address=$(sed -n 's/.*listening on \([0-9.]*:[0-9]*\) (\(mutual \)\{0,1\}TLS).*/\1/p' "$log")
    [ -z "$address" ] || break
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      SERVICE_PID=""
      fail "$guide" "$line" "junheng-server, started as the unit does ($exec_start), exited" "" "$log"
    fi
    sleep 0.1
  done
  [ -n "$address" ] || fail "$guide" "$line" "junheng-server ($exec_start) did not report listening with TLS within 15 s" "" "$log"
  [ "$address" = "127.0.0.1:$PORT" ] ||
    fail "$guide" "$line" "junheng-server listens on $address, not on the guide's address (10.0.0.5:50551 here 127.0.0.1:$PORT)" "" "$log"
  echo "ok   - ${guide#"$SRC"/}:$line: junheng-server started as $UNIT does, TLS on $address"
}

for guide in "${GUIDES[@]}"; do
  name=$(basename "$guide" .md)
  state="$WORK/state/$name"
  mkdir -p "$state/home" "$state/blocks"
  : >"$state/env"
  echo "$DESK" >"$state/cwd"
  if ! python3 "$HELPER" extract "$guide" "$state/extracted" --src "$SRC" "${SUBST[@]}" \
      2>"$state/extract.err"; then
    echo "FAIL - ${guide#"$SRC"/}:"
    cat "$state/extract.err"
    exit 1
  fi
  count=0
  while IFS=$'\t' read -r kind line argument; do
    case "$kind" in
      run)
        run_block "$guide" "$line" "$argument" "$state"
        count=$((count + 1)) ;;
      install-packages) install_packages ;;
      start-server) start_service "$guide" "$line" ;;
      fill)
        python3 "$HELPER" fill "$(cat "$state/cwd")/$argument" "$DESK/deploy/sample" >"$state/fill.out" 2>&1 ||
          fail "$guide" "$line" "cannot fill in $argument as the reader would" "" "$state/fill.out" ;;
    esac
  done <"$state/extracted/manifest"
  echo "ok   - ${guide#"$SRC"/}: $count runnable blocks passed"
done

if [ -n "$SERVICE_PID" ]; then
  kill -TERM "$SERVICE_PID"
  wait "$SERVICE_PID"
  rc=$?
  SERVICE_PID=""
  check "the service stops cleanly on SIGTERM (exit code)" 0 "$rc"
  contains "the service logs its clean stop" "$WORK/service.log" "junheng-server stopped cleanly"
fi
exit $((failures > 0))
