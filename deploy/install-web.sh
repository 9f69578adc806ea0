#!/usr/bin/env bash
# Installs the browser console's npm packages (web/package-lock.json) and copies the one file the
# pages load from them, ECharts, to web/public/vendor/, which the server serves with the pages.
# Nothing is fetched when web/node_modules is already as new as the lockfile.
set -euo pipefail
cd "$(dirname "$0")/../web"

if ! command -v npm >/dev/null 2>&1; then
  echo "install-web: npm is missing; install it with: apt-get install npm" >&2
  exit 1
fi

# npm writes node_modules/.package-lock.json on every install: it is older than the lockfile
# exactly when the lockfile changed after the last install.
stamp=node_modules/.package-lock.json
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "install-web: npm ci in $(pwd) (node $(node --version 2>/dev/null || echo '?'), npm $(npm --version))"
  npm ci --no-audit --no-fund
  touch "$stamp"
else
  echo "install-web: web/node_modules is up to date with package-lock.json"
fi

src=node_modules/echarts/dist/echarts.min.js
dst=public/vendor/echarts.min.js
if [ ! -f "$src" ]; then
  echo "install-web: $src is missing after npm ci; remove web/node_modules and run again" >&2
  exit 1
fi
mkdir -p public/vendor
if [ ! -f "$dst" ] || ! cmp -s "$src" "$dst"; then
  cp "$src" "$dst"
  echo "install-web: copied $src to web/$dst"
else
  echo "install-web: web/$dst is current"
fi
