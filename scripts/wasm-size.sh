#!/usr/bin/env bash
# Prints the size of the npm package's WebAssembly module, raw and compressed as a web server
# would send it (gzip -9; brotli when the `brotli` command is installed).
#   bash scripts/wasm-size.sh [path/to/baogao_bg.wasm]
set -euo pipefail
cd "$(dirname "$0")/.."
WASM="${1:-bindings-wasm/pkg/baogao_bg.wasm}"
if [ ! -f "$WASM" ]; then
  echo "error: $WASM missing: build it with scripts/build-wasm.sh" >&2
  exit 1
fi
RAW=$(wc -c <"$WASM")
GZ=$(gzip -9 -c "$WASM" | wc -c)
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
printf '%s: %s bytes raw (%s), %s bytes gzip -9 (%s)' "$WASM" "$RAW" "$(kib "$RAW")" "$GZ" "$(kib "$GZ")"
if command -v brotli >/dev/null 2>&1; then
  BR=$(brotli -q 11 -c "$WASM" | wc -c)
  printf ', %s bytes brotli -q 11 (%s)' "$BR" "$(kib "$BR")"
fi
printf '\n'
