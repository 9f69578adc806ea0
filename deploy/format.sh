#!/usr/bin/env bash
# clang-format over every C++ file of the project (.clang-format: Google style, column 100).
#   bash deploy/format.sh           rewrites the files in place
#   bash deploy/format.sh --check   changes nothing; lists the files that differ and exits 1 if any
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT="${CLANG_FORMAT:-$(command -v clang-format || command -v clang-format-14 || true)}"
if [ -z "$CLANG_FORMAT" ]; then
  echo "format.sh: clang-format is not installed (Debian package clang-format)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cc' '*.h')
if [ "${1:-}" = "--check" ]; then
  bad=()
  for f in "${files[@]}"; do
    if ! "$CLANG_FORMAT" --style=file "$f" | cmp -s - "$f"; then bad+=("$f"); fi
  done
  if [ ${#bad[@]} -gt 0 ]; then
    echo "format.sh: ${#bad[@]} file(s) differ from clang-format; run bash deploy/format.sh:" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
  fi
  echo "format.sh: ${#files[@]} C++ files formatted as .clang-format says"
else
  "$CLANG_FORMAT" --style=file -i "${files[@]}"
fi
