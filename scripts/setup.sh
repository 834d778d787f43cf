#!/usr/bin/env bash
# Installs everything a fresh Debian 12 machine needs for scripts/test.sh:
#   apt: chromium (browser test; playwright-core never downloads a browser) and fonts-noto-cjk
#        (Chinese text in screenshots); rustup: the wasm32-unknown-unknown target;
#   cargo: the wasm-bindgen CLI at exactly the Cargo.lock version of the wasm-bindgen crate,
#          and cargo-fuzz (pinned) for scripts/fuzz.sh;
#   npm ci: binaryen (wasm-opt), playwright-core, typescript;
#   .venv: requirements-dev.txt (maturin, pytest, mypy) and requirements-bench.txt (jionlp).
# Idempotent: each step is skipped when its result is present, so a re-run costs seconds.
# A fresh machine takes about 5-6 min, mostly compiling wasm-bindgen-cli and cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step() { printf '\n== setup: %s (t=%ss)\n' "$*" "$SECONDS"; }

step "apt: chromium, fonts-noto-cjk"
missing=()
for p in chromium fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
chromium --version 2>/dev/null || true

step "rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "wasm-bindgen CLI = the wasm-bindgen crate version in Cargo.lock"
WBV=$(awk '/^name = "wasm-bindgen"$/ {getline; split($0, a, "\""); print a[2]; exit}' Cargo.lock)
HAVE=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$HAVE" != "$WBV" ]; then
  args=(wasm-bindgen-cli --version "=$WBV" --no-default-features --bin wasm-bindgen --force)
  # --locked first; its lockfile can name a dependency version the registry does not serve
  # (seen: webpki-roots 1.0.11 for 0.2.130), then resolve afresh.
  cargo install "${args[@]}" --locked || cargo install "${args[@]}"
fi
wasm-bindgen --version

step "cargo-fuzz (scripts/fuzz.sh; runs on the nightly toolchain of the machine image)"
CFV=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)" != "$CFV" ]; then
  # --locked first (it worked with $CFV: 1 m 47 s on 2 cores), then resolve afresh like
  # wasm-bindgen-cli above in case the registry lacks a locked version.
  cargo install cargo-fuzz --version "=$CFV" --force --locked || cargo install cargo-fuzz --version "=$CFV" --force
fi
cargo fuzz --version

step "npm devDependencies (binaryen's wasm-opt, playwright-core, typescript)"
npm ci --no-audit --no-fund

step "python venv .venv with requirements-dev.txt"
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/python --version

step "python: requirements-bench.txt (JioNLP, the peer of scripts/bench-side-by-side.py)"
.venv/bin/pip install -q --disable-pip-version-check -r requirements-bench.txt

step "done"
