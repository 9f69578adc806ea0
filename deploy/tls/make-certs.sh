#!/usr/bin/env bash
# Makes the certificates of one county's junheng deployment with openssl (issue 6); the
# junheng-server package installs it as junheng-make-certs:
#   ca.crt / ca.key            the county CA: clients verify the server against ca.crt, and with
#                              mutual TLS the server verifies client certificates against it
#   server.crt / server.key    junheng-server's certificate: SAN localhost, 127.0.0.1 and each --host
#   clients/<name>.crt / .key  client certificates, CN = <name>: one per school (the school code, so
#                              the server can match a school_clerk token to its certificate) and
#                              one "bureau"
# Usage: make-certs.sh OUT_DIR [--county 140430] [--host NAME_OR_IP]... [--school CODE]...
#                              [--schools-csv schools.csv] [--days 825]
# An existing ca.key in OUT_DIR is reused, so running it again adds certificates under the same
# CA (rotation: see docs/security.md). Keys are EC P-256, written with mode 600.
set -euo pipefail
if [ $# -lt 1 ]; then sed -n '2,13p' "$0"; exit 2; fi
OUT="$1"; shift
COUNTY=140430
DAYS=825
HOSTS=()
SCHOOLS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --county) COUNTY="$2"; shift 2 ;;
    --host) HOSTS+=("$2"); shift 2 ;;
    --school) SCHOOLS+=("$2"); shift 2 ;;
    # The first column of each row, as Excel and WPS save a CSV: a UTF-8 BOM, CRLF and quotes
    # removed; header rows (school_code, or the label row 学校标识码) and anything that is not a
    # school code are skipped, so no certificate is named after them.
    --schools-csv) while IFS=, read -r code _; do
                     code="${code#$'\xef\xbb\xbf'}"; code="${code%$'\r'}"; code="${code//\"/}"
                     if [[ "$code" =~ ^[A-Za-z0-9._-]{1,64}$ && "$code" != "school_code" ]]; then
                       SCHOOLS+=("$code")
                     fi
                   done <"$2"; shift 2 ;;
    --days) DAYS="$2"; shift 2 ;;
    *) echo "make-certs.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT/clients"
umask 077

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

if [ ! -f "$OUT/ca.key" ]; then
  newkey "$OUT/ca.key"
  openssl req -x509 -new -key "$OUT/ca.key" -sha256 -days "$((DAYS * 2))" \
    -subj "/O=junheng/OU=county $COUNTY/CN=junheng county CA $COUNTY" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$OUT/ca.crt"
fi

# sign NAME SUBJECT_CN SAN EXTENDED_KEY_USAGE OUT_BASE
sign() {
  local cn="$1" san="$2" eku="$3" base="$4"
  newkey "$base.key"
  openssl req -new -key "$base.key" -subj "/O=junheng/OU=county $COUNTY/CN=$cn" -out "$base.csr"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=%s\nsubjectAltName=%s\n' \
    "$eku" "$san" >"$base.ext"
  openssl x509 -req -in "$base.csr" -CA "$OUT/ca.crt" -CAkey "$OUT/ca.key" -CAcreateserial \
    -days "$DAYS" -sha256 -extfile "$base.ext" -out "$base.crt" 2>/dev/null
  rm -f "$base.csr" "$base.ext"
}

san="DNS:localhost,IP:127.0.0.1"
for h in "${HOSTS[@]+"${HOSTS[@]}"}"; do
  if [[ "$h" =~ ^[0-9.]+$ ]]; then san="$san,IP:$h"; else san="$san,DNS:$h"; fi
done
sign "junheng-server" "$san" serverAuth "$OUT/server"
sign "bureau" "DNS:bureau" clientAuth "$OUT/clients/bureau"
for s in "${SCHOOLS[@]+"${SCHOOLS[@]}"}"; do
  sign "$s" "DNS:$s" clientAuth "$OUT/clients/$s"
done
chmod 644 "$OUT/ca.crt" "$OUT/server.crt" "$OUT"/clients/*.crt
echo "certificates in $OUT: ca.crt, server.crt (SAN $san), clients/ (${#SCHOOLS[@]} schools + bureau)"
