#!/usr/bin/env bash
# package.install: the Debian packages, installed into a clean Debian 12 root and used there as an
# operator would (issue 16):
#
#   bash tests/package/package_install_test.sh BUILD_DIR SOURCE_DIR
#
#  1. deploy/package.sh --skip-build makes junheng-server_*.deb and junheng_*.deb from BUILD_DIR;
#  2. a minimal bookworm root (debootstrap --variant=minbase) with the packages' dependencies and
#     systemd (for systemd-analyze) is built once and kept under BUILD_DIR/package-test/, named
#     after a hash of what went into it (suite, mirror, dependencies): a new dependency builds a
#     new one, otherwise every run copies it (a cold build downloads about 60 MB);
#  3. in a copy: `apt-get install ./junheng-server_*.deb ./junheng_*.deb`, then the maintainer
#     scripts' work (user, directories, conffile, enablement) and `systemd-analyze verify` of both
#     units are checked;
#  4. the operator's steps of docs/operator-guide.md: certificates with junheng-make-certs, the
#     first admin token and `junheng-server check --config /etc/junheng/server.toml` as junheng;
#  5. the server is started as its unit starts it (ExecStart, User, Group, UMask, no new
#     privileges) and answers: the client (token list, registry import), the web console's pages,
#     /healthz, /readyz and /metrics over HTTPS, `junheng-server health` (grpc.health.v1), an
#     online backup under /var/lib/junheng; SIGTERM stops it cleanly;
#  6. `apt-get purge` of both: every file dpkg listed is gone, and what is kept is what the guide
#     says is kept (the data dir and backups, /etc/junheng/tls, the user junheng), nothing more.
#
# Needs root (chroot, mount): as another user it is skipped (exit 77). The root's /proc is mounted
# while it runs and unmounted before the copy is removed. KEEP_WORK=1 keeps the copy;
# JUNHENG_DEBIAN_MIRROR names another Debian mirror, JUNHENG_PACKAGE_TEST_CACHE another place for
# the clean root.
set -uo pipefail
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
SUITE=bookworm
MIRROR="${JUNHENG_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# What the root has besides the packages' dependencies: systemd for `systemd-analyze verify`.
TOOLS=(systemd)
COUNTY=140430

if [ "$(id -u)" != 0 ]; then
  echo "skip: package.install needs root (debootstrap, chroot, mount)"
  exit 77
fi
for tool in debootstrap chroot mount umount curl python3 dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "FAIL - $tool is missing: run deploy/install-deps.sh"
    exit 1
  }
done

# JUNHENG_PACKAGE_TEST_CACHE keeps the clean root elsewhere, e.g. across a CI machine's clones.
CACHE_DIR="${JUNHENG_PACKAGE_TEST_CACHE:-$BUILD/package-test}"
mkdir -p "$CACHE_DIR"
WORK=$(mktemp -d "$CACHE_DIR/run-XXXXXX")  # beside the cached root: the copy stays on one disk
ROOT="$WORK/root"
SERVER_PID=""
failures=0
started=$SECONDS

PARTIAL=""
cleanup() {
  [ -z "$SERVER_PID" ] || { kill -KILL "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; }
  if [ -n "$PARTIAL" ] && mountpoint -q "$PARTIAL/proc"; then umount "$PARTIAL/proc"; fi
  if [ -d "$ROOT/proc" ] && mountpoint -q "$ROOT/proc"; then umount "$ROOT/proc"; fi
  # Never remove a tree something is still mounted in.
  if grep -q " $ROOT/" /proc/mounts; then
    echo "FAIL - still mounted under $ROOT, not removed:"
    grep " $ROOT/" /proc/mounts
  elif [ "${KEEP_WORK:-0}" = 1 ]; then
    echo "kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

ok() { echo "ok   - $1"; }
fail() { echo "FAIL - $1"; failures=$((failures + 1)); }
check() {  # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then ok "$1"; else fail "$1 (expected '$2', got '$3')"; fi
}
contains() {  # contains DESCRIPTION FILE TEXT
  if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1: '$3' not in:"; cat "$2"; fi
}
says_nothing() {  # says_nothing DESCRIPTION FILE: FILE must be empty
  if [ -s "$2" ]; then fail "$1:"; cat "$2"; else ok "$1"; fi
}
in_tree() {  # in_tree PATH: PATH (file, directory or link) is in the clean root's copy
  [ -e "$ROOT$1" ] || [ -L "$ROOT$1" ]
}
http_status() {  # http_status PATH: the HTTP status of GET PATH on the server's HTTPS listener
  "${CURL[@]}" -o /dev/null -w '%{http_code}' "$HTTPS$1"
}
abort() {  # abort DESCRIPTION [OUTPUT_FILE]: a step later steps need failed
  echo "FAIL - $1"
  if [ -n "${2:-}" ]; then cat "$2"; fi
  exit 1
}
phase() { echo "== $1 ($((SECONDS - started)) s)"; }

# in_root COMMAND...: runs COMMAND as root in the clean root, with a clean environment.
in_root() {
  chroot "$ROOT" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

phase "packages (deploy/package.sh --skip-build)"
JUNHENG_BUILD_DIR="$BUILD" bash "$SRC/deploy/package.sh" --skip-build --out "$WORK/debs" \
  >"$WORK/package.out" 2>&1 || abort "deploy/package.sh" "$WORK/package.out"
cat "$WORK/package.out"
SERVER_DEB=$(ls "$WORK"/debs/junheng-server_*.deb)
CLIENT_DEB=$(ls "$WORK"/debs/junheng_*.deb)

# The packages' dependencies by name (the first of each alternative), without each other.
mapfile -t DEPENDS < <(
  for deb in "$SERVER_DEB" "$CLIENT_DEB"; do dpkg-deb --field "$deb" Depends; echo; done |
    tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g' | grep -v -e '^$' -e '^junheng' |
    sort -u)
# build_root DIR: minbase bookworm, then the dependencies by apt (which also resolves the virtual
# ones, e.g. libspdlog1.10-fmt9), with the package lists removed after: the test's own apt-get
# cannot download, so it installs the packages from what the root holds, and a library the
# binaries use but the packages do not declare is missing there (ldd below).
build_root() {
  local dir="$1"
  debootstrap --variant=minbase --include="$(IFS=,; echo "${TOOLS[*]}")" "$SUITE" "$dir" \
    "$MIRROR" || return 1
  [ -s "$dir/etc/resolv.conf" ] || cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount -t proc proc "$dir/proc" || return 1
  chroot "$dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get update && apt-get install -y --no-install-recommends "$@" && apt-get clean' \
    sh "${DEPENDS[@]}"
  local rc=$?
  umount "$dir/proc"
  rm -rf "$dir"/var/lib/apt/lists/*
  return $rc
}
# The root's name: a hash of how it is made and of the dependencies with their versions.
KEY=$( (echo "$SUITE $MIRROR ${TOOLS[*]}"; declare -f build_root
        for deb in "$SERVER_DEB" "$CLIENT_DEB"; do dpkg-deb --field "$deb" Depends; done) |
      sha256sum | cut -c1-16)
CACHED_ROOT="$CACHE_DIR/root-$KEY"
if [ ! -d "$CACHED_ROOT" ]; then
  phase "building the clean root $CACHED_ROOT (debootstrap $SUITE from $MIRROR, once)"
  PARTIAL="$CACHE_DIR/partial-$KEY-$$"
  if ! build_root "$PARTIAL" >"$WORK/root.log" 2>&1; then
    mountpoint -q "$PARTIAL/proc" || rm -rf "$PARTIAL"
    abort "a $SUITE root with ${TOOLS[*]} ${DEPENDS[*]}" "$WORK/root.log"
  fi
  # Roots made for earlier dependency lists are not needed again.
  for old in "$CACHE_DIR"/root-*; do [ -d "$old" ] && rm -rf "$old"; done
  mv -T "$PARTIAL" "$CACHED_ROOT" 2>/dev/null || rm -rf "$PARTIAL"  # a parallel run was first
  PARTIAL=""
fi
phase "copying the clean root"
cp -a "$CACHED_ROOT" "$ROOT"
mount -t proc proc "$ROOT/proc" || abort "cannot mount /proc in $ROOT"
mkdir -p "$ROOT/tmp/debs"
cp "$SERVER_DEB" "$CLIENT_DEB" "$ROOT/tmp/debs/"

phase "apt-get install ./junheng-server_*.deb ./junheng_*.deb"
in_root sh -c 'cd /tmp/debs && apt-get install -y ./junheng-server_*.deb ./junheng_*.deb' \
  >"$WORK/install.log" 2>&1 || abort "apt-get install of the two packages" "$WORK/install.log"
ok "apt-get installs both packages with their dependencies"
contains "the postinst tells the next step (certificates)" "$WORK/install.log" \
  "junheng-make-certs /etc/junheng/tls --county"
in_root dpkg-query -L junheng-server junheng | grep '^/' | sort -u >"$WORK/installed-files"

passwd=$(in_root getent passwd junheng)
check "the system user junheng: home /var/lib/junheng, no login shell" \
  "/var/lib/junheng:/usr/sbin/nologin" "$(echo "$passwd" | cut -d: -f6-7)"
uid=$(echo "$passwd" | cut -d: -f3)
if [ -n "$uid" ] && [ "$uid" -lt 1000 ]; then
  ok "junheng is a system user (uid $uid)"
else
  fail "junheng is not a system user: '$passwd'"
fi
check "/var/lib/junheng belongs to junheng, mode 0750" "junheng:junheng 750" \
  "$(in_root stat -c '%U:%G %a' /var/lib/junheng)"
check "/etc/junheng/tls is root:junheng, mode 0750" "root:junheng 750" \
  "$(in_root stat -c '%U:%G %a' /etc/junheng/tls)"
in_root dpkg-query -W -f='${Conffiles}\n' junheng-server >"$WORK/conffiles"
contains "/etc/junheng/server.toml is a conffile" "$WORK/conffiles" "/etc/junheng/server.toml"
check "the unit is enabled (multi-user.target.wants)" "/lib/systemd/system/junheng-server.service" \
  "$(readlink "$ROOT/etc/systemd/system/multi-user.target.wants/junheng-server.service")"
for file in /usr/bin/junheng-server /usr/bin/junheng /usr/bin/junheng-make-certs \
    /usr/share/junheng-server/web/index.html /usr/share/junheng-server/web/vendor/echarts.min.js \
    /usr/lib/systemd/user/junheng-agent.service /usr/share/junheng/sample/schools.csv \
    /usr/share/doc/junheng-server/examples/junheng-alerts.yml; do
  if grep -qx "$file" "$WORK/installed-files"; then ok "installed: $file"; else fail "no $file"; fi
done
in_root ldd /usr/bin/junheng-server /usr/bin/junheng 2>&1 | grep "not found" >"$WORK/ldd"
says_nothing "every library the binaries link is installed (declared dependencies)" "$WORK/ldd"

phase "systemd-analyze verify"
in_root systemd-analyze verify /lib/systemd/system/junheng-server.service >"$WORK/verify" 2>&1
check "systemd-analyze verify junheng-server.service (exit code)" 0 $?
says_nothing "systemd-analyze verify junheng-server.service: no remarks" "$WORK/verify"
# A user manager needs its runtime directory, as a clerk's session has.
mkdir -p -m 0700 "$ROOT/run/user/0"
in_root XDG_RUNTIME_DIR=/run/user/0 systemd-analyze --user verify \
  /usr/lib/systemd/user/junheng-agent.service >"$WORK/verify" 2>&1
check "systemd-analyze --user verify junheng-agent.service (exit code)" 0 $?
says_nothing "systemd-analyze --user verify junheng-agent.service: no remarks" "$WORK/verify"

phase "the operator's first steps (docs/operator-guide.md)"
in_root junheng-make-certs /etc/junheng/tls --county "$COUNTY" >"$WORK/certs.log" 2>&1 ||
  abort "junheng-make-certs /etc/junheng/tls" "$WORK/certs.log"
KEY_FILE=/etc/junheng/tls/server.key
in_root chgrp junheng "$KEY_FILE" && in_root chmod 0640 "$KEY_FILE" || abort "chgrp $KEY_FILE"
in_root runuser -u junheng -- junheng-server token issue --data-dir /var/lib/junheng/data \
  --role bureau_admin --county "$COUNTY" --label "package test" >"$WORK/admin.token" \
  2>"$WORK/token.err" || abort "the first admin token, as junheng" "$WORK/token.err"
TOKEN=$(cat "$WORK/admin.token")
# Free loopback ports instead of the conffile's 0.0.0.0:50551 and :8443, which the machine running
# the tests may be using; the operator edits the same two lines to choose an address.
read -r PORT HTTP_PORT < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
sed -i -e "s/^listen = .*/listen = \"127.0.0.1:$PORT\"/" \
  -e "s/^http-listen = .*/http-listen = \"127.0.0.1:$HTTP_PORT\"/" "$ROOT/etc/junheng/server.toml"
in_root runuser -u junheng -- junheng-server check --config /etc/junheng/server.toml \
  >"$WORK/check.out" 2>&1
rc=$?
check "junheng-server check --config /etc/junheng/server.toml, as junheng (exit code)" 0 "$rc"
[ "$rc" = 0 ] || cat "$WORK/check.out"

phase "junheng-server started as its unit starts it"
UNIT="$ROOT/lib/systemd/system/junheng-server.service"
unit_value() { sed -n "s/^$1=//p" "$UNIT" | tail -n 1; }
EXEC_START=$(unit_value ExecStart)
check "the unit runs as User=junheng" junheng "$(unit_value User)"
check "the unit runs as Group=junheng" junheng "$(unit_value Group)"
check "the unit sets NoNewPrivileges" yes "$(unit_value NoNewPrivileges)"
check "the unit protects the system (ProtectSystem=strict)" strict "$(unit_value ProtectSystem)"
check "the unit may write only /var/lib/junheng" /var/lib/junheng "$(unit_value ReadWritePaths)"
check "a configuration error (exit 2) is not restarted" 2 "$(unit_value RestartPreventExitStatus)"
read -ra exec_start <<<"$EXEC_START"
: >"$WORK/server.log"
# As systemd does for User=: the user's home, its name, the unit's umask, the working directory /.
chroot "$ROOT" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/var/lib/junheng USER=junheng LOGNAME=junheng SHELL=/usr/sbin/nologin \
  setpriv --reuid="$(unit_value User)" --regid="$(unit_value Group)" --init-groups --no-new-privs \
  sh -c 'umask "$0"; cd /; exec "$@"' "$(unit_value UMask)" "${exec_start[@]}" \
  >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!
address=""
for _ in $(seq 1 150); do
  address=$(sed -n 's/.*listening on \([0-9.]*:[0-9]*\) (TLS).*/\1/p' "$WORK/server.log")
  [ -z "$address" ] || break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    SERVER_PID=""
    abort "junheng-server ($EXEC_START) exited:" "$WORK/server.log"
  fi
  sleep 0.1
done
[ -n "$address" ] || abort "junheng-server did not listen with TLS within 15 s" "$WORK/server.log"
check "it listens with TLS where server.toml says" "127.0.0.1:$PORT" "$address"
check "it runs as junheng (uid $uid)" "$uid" "$(ps -o uid= -p "$SERVER_PID" | tr -d ' ')"

J=(env "JUNHENG_TOKEN=$TOKEN" junheng --server "127.0.0.1:$PORT" --county "$COUNTY"
   --ca /etc/junheng/tls/ca.crt --lang en)
in_root "${J[@]}" admin token list >"$WORK/out" 2>&1
check "junheng admin token list with the first admin token (exit code)" 0 $?
contains "the token list shows the first token" "$WORK/out" "package test"
in_root "${J[@]}" schools import /usr/share/junheng/sample/schools.csv >"$WORK/out" 2>&1
check "junheng schools import of the packaged sample (exit code)" 0 $?
contains "the registry is stored" "$WORK/out" "26 created"

HTTPS="https://127.0.0.1:$HTTP_PORT"
CURL=(curl --silent --show-error --max-time 10 --cacert "$ROOT/etc/junheng/tls/ca.crt")
"${CURL[@]}" -o "$WORK/index.html" "$HTTPS/"
if cmp -s "$WORK/index.html" "$ROOT/usr/share/junheng-server/web/index.html"; then
  ok "the web console's first page comes from /usr/share/junheng-server/web"
else
  fail "GET / is not the packaged index.html"
fi
check "the console's ECharts is served (HTTP status)" 200 "$(http_status /vendor/echarts.min.js)"
check "GET /healthz (HTTP status)" 200 "$(http_status /healthz)"
check "GET /readyz (HTTP status)" 200 "$(http_status /readyz)"
"${CURL[@]}" -o "$WORK/metrics" -w '%{http_code}' "$HTTPS/metrics" >"$WORK/metrics.status"
check "GET /metrics (HTTP status)" 200 "$(cat "$WORK/metrics.status")"
contains "the metrics are Prometheus text" "$WORK/metrics" "# TYPE "
in_root junheng-server health --server "127.0.0.1:$PORT" --ca /etc/junheng/tls/ca.crt \
  >"$WORK/out" 2>&1
check "junheng-server health: grpc.health.v1 (exit code)" 0 $?
check "the server is SERVING" SERVING "$(cat "$WORK/out")"

in_root env "JUNHENG_TOKEN=$TOKEN" junheng-server backup --server "127.0.0.1:$PORT" \
  --ca /etc/junheng/tls/ca.crt --to /var/lib/junheng/backup/package-test >"$WORK/out" 2>&1
check "an online backup to /var/lib/junheng/backup (exit code)" 0 $?
check "the backup is written by the server, as junheng" junheng \
  "$(in_root stat -c %U /var/lib/junheng/backup/package-test/CURRENT 2>&1)"

kill -TERM "$SERVER_PID"
for _ in $(seq 1 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
wait "$SERVER_PID"
check "SIGTERM stops it with exit code 0 (within TimeoutStopSec)" 0 $?
SERVER_PID=""
contains "it logs its clean stop" "$WORK/server.log" "junheng-server stopped cleanly"

phase "apt-get purge junheng-server junheng"
in_root apt-get purge -y junheng-server junheng >"$WORK/purge.log" 2>&1
check "apt-get purge of both packages (exit code)" 0 $?
contains "the purge says what it kept" "$WORK/purge.log" \
  "Kept the data and certificates: /var/lib/junheng /etc/junheng/tls, and the user junheng"
# Every path dpkg listed is gone, except directories the clean root had before and /etc/junheng,
# which holds the kept tls/.
left=()
while read -r path; do
  in_tree "$path" || continue
  if [ -d "$ROOT$path" ] && [ -d "$CACHED_ROOT$path" ]; then continue; fi
  [ "$path" = /etc/junheng ] && continue
  left+=("$path")
done <"$WORK/installed-files"
check "every file the packages installed is gone" "" "${left[*]}"
# Nothing new is left but what the guide says is kept. Not compared: the package manager's own
# records and logs, /run and /tmp (memory on a real machine), and the backups of /etc/passwd and
# friends (`/etc/passwd-`) that adding the user made.
(cd "$ROOT" && find . -xdev \( -path ./proc -o -path ./run -o -path ./tmp -o -path ./var/log \
   -o -path ./var/cache -o -path ./var/lib/dpkg -o -path ./var/lib/apt \) -prune -o -print |
   sort) >"$WORK/after"
(cd "$CACHED_ROOT" && find . -xdev -print | sort) >"$WORK/before"
comm -13 "$WORK/before" "$WORK/after" | grep -v -e '^\./var/lib/junheng\(/\|$\)' \
  -e '^\./etc/junheng/tls\(/\|$\)' -e '^\./etc/junheng$' -e '^\./etc/[a-z]*-$' >"$WORK/new-paths"
says_nothing "nothing new is left but the documented data, certificates and user" "$WORK/new-paths"
for kept in /var/lib/junheng/data/CURRENT /var/lib/junheng/backup/package-test/CURRENT \
    /etc/junheng/tls/ca.key /etc/junheng/tls/server.key; do
  if in_tree "$kept"; then ok "kept after the purge: $kept"; else fail "purged: $kept"; fi
done
if in_root getent passwd junheng >/dev/null; then
  ok "kept after the purge: the user junheng (owns the data)"
else
  fail "the purge removed the user junheng, who owns the kept data"
fi
for gone in /etc/junheng/server.toml /etc/systemd/system/junheng-server.service \
    /etc/systemd/system/multi-user.target.wants/junheng-server.service; do
  if in_tree "$gone"; then fail "left after the purge: $gone"; else ok "purged: $gone"; fi
done

phase "done"
exit $((failures > 0))
