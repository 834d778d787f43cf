#!/usr/bin/env bash
# Builds the npm package `baogao` into bindings-wasm/pkg/ (the `--target web` layout):
#   baogao.js (default export init, named initSync, parse, track, version), baogao_bg.wasm,
#   baogao.d.ts, baogao_bg.wasm.d.ts, package.json, README.md (from bindings-wasm/README.md).
# Works in browsers (`await init()`) and in Node 20 (`initSync({ module: bytes })`).
# Needs: the wasm32-unknown-unknown target, the wasm-bindgen CLI at the Cargo.lock version,
# and `npm ci` (npm binaryen's wasm-opt; never Debian's binaryen, which breaks externref tables).
# WASM_OPT=0 skips wasm-opt (about 15 s).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
PKG=bindings-wasm/pkg

cargo build -p baogao-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
WASM="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/baogao_wasm.wasm"

WBV=$(awk '/^name = "wasm-bindgen"$/ {getline; split($0, a, "\""); print a[2]; exit}' Cargo.lock)
HAVE=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$HAVE" != "$WBV" ]; then
  echo "error: wasm-bindgen CLI is '${HAVE:-missing}', Cargo.lock needs $WBV: run scripts/setup.sh" >&2
  exit 1
fi

rm -rf "$PKG"
wasm-bindgen --target web --out-dir "$PKG" --out-name baogao "$WASM"

if [ "${WASM_OPT:-1}" != 0 ]; then
  if [ ! -x node_modules/.bin/wasm-opt ]; then
    echo "error: node_modules/.bin/wasm-opt missing: run 'npm ci' (or WASM_OPT=0 to skip)" >&2
    exit 1
  fi
  node_modules/.bin/wasm-opt -Oz "$PKG/baogao_bg.wasm" -o "$PKG/baogao_bg.wasm"
fi

cp bindings-wasm/README.md "$PKG/README.md"

# package.json: name "baogao", version, license and repository from the crate.
cargo metadata --no-deps --format-version 1 --locked >"$PKG/.metadata.json"
node - "$PKG" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const pkgDir = process.argv[2];
const metaFile = path.join(pkgDir, '.metadata.json');
const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
fs.rmSync(metaFile);
const crate = meta.packages.find((p) => p.name === 'baogao-wasm');
const manifest = {
  name: 'baogao',
  version: crate.version,
  description:
    'Parse Chinese government work reports (政府工作报告) into sections, indicators, commitments and lists with exact UTF-16 text positions, and track targets year on year (WebAssembly, browser and Node.js)',
  license: crate.license,
  // Only once bindings-wasm/Cargo.toml names a repository (`repository.workspace = true`).
  ...(crate.repository ? { repository: { type: 'git', url: crate.repository, directory: 'bindings-wasm' } } : {}),
  type: 'module',
  main: './baogao.js',
  module: './baogao.js',
  types: './baogao.d.ts',
  exports: {
    '.': { types: './baogao.d.ts', default: './baogao.js' },
    './baogao_bg.wasm': './baogao_bg.wasm',
    './package.json': './package.json',
  },
  files: ['baogao.js', 'baogao.d.ts', 'baogao_bg.wasm', 'baogao_bg.wasm.d.ts', 'README.md'],
  sideEffects: false,
  keywords: [
    'chinese', 'china', 'government', 'work-report', '政府工作报告', 'policy', 'nlp', 'text-mining',
    'data-journalism', 'parser', 'webassembly', 'wasm',
  ],
  engines: { node: '>=20' },
};
fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
JS

echo "built $PKG"
bash scripts/wasm-size.sh "$PKG/baogao_bg.wasm"
ls -l "$PKG"
