#!/usr/bin/env bash
# Runs every check: rustfmt, clippy, Rust tests, the wasm build, the npm package in Node and in
# headless Chromium (a smoke page and the example viewer examples/web/), the TypeScript
# declarations, and the Python wheel with pytest. Screenshots go to tests/artifacts/.
# Needs scripts/setup.sh to have run once on this machine. WASM_OPT=0 skips wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

VENV_PY="$PWD/.venv/bin/python"
if [ ! -x "$VENV_PY" ] || [ ! -d node_modules ]; then
  echo "error: .venv or node_modules missing: run scripts/setup.sh (or make setup) first" >&2
  exit 1
fi
# pyo3 builds against this interpreter; its test binary links libpython, so the loader must
# find the same libpython (pyenv/uv/conda pythons live outside ld.so's path).
export PYO3_PYTHON="$VENV_PY"
PYLIB=$("$VENV_PY" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
export LD_LIBRARY_PATH="$PYLIB${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

SUMMARY=()
STEP_NAME=""
STEP_T0=0
step() {
  finish
  STEP_NAME="$*"
  STEP_T0=$SECONDS
  printf '\n== test: %s (t=%ss)\n' "$STEP_NAME" "$SECONDS"
}
finish() {
  if [ -n "$STEP_NAME" ]; then
    SUMMARY+=("$(printf '%5ss  %s' $((SECONDS - STEP_T0)) "$STEP_NAME")")
    STEP_NAME=""
  fi
}

step "rust: cargo fmt --check"
cargo fmt --all --check

step "rust: cargo clippy --workspace --all-targets -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "rust: cargo test --workspace"
cargo test --workspace --locked

step "fuzz: cargo-fuzz, 3 targets x ${FUZZ_SECONDS:-50}s (scripts/fuzz.sh)"
FUZZ_SECONDS=${FUZZ_SECONDS:-50} bash scripts/fuzz.sh

step "wasm: build the npm package (bindings-wasm/pkg)"
bash scripts/build-wasm.sh

step "node: node --test tests/node"
node --test tests/node/*.test.mjs

step "types: tsc --noEmit (strict) on tests/types/usage.ts"
node_modules/.bin/tsc -p tests/types/tsconfig.json

step "browser: the npm package in Debian's Chromium (playwright-core)"
node tests/browser/run.mjs

step "browser: the example page examples/web/ (outline, highlights, track table, screenshot)"
node tests/browser/viewer.mjs

step "python: maturin wheel + pytest"
rm -rf target/wheels-ci
.venv/bin/maturin build --release --locked -m bindings-python/Cargo.toml -i "$VENV_PY" --out target/wheels-ci
.venv/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels-ci/*.whl
.venv/bin/python -m pytest -q bindings-python/tests

step "examples: notebook script (GDP targets vs outcomes chart), Node outline"
python3 scripts/py2ipynb.py examples/notebook/gdp_targets.py --check
mkdir -p target/examples
if [ -d "${BAOGAO_CORPUS:-../shared/corpus}" ]; then
  .venv/bin/python examples/notebook/gdp_targets.py "${BAOGAO_CORPUS:-../shared/corpus}" target/examples/gdp_targets.png
  test -s target/examples/gdp_targets.png
else
  echo "SKIPPED the notebook example: no corpus folder (set BAOGAO_CORPUS)"
fi
node examples/node/outline.mjs > target/examples/outline.txt
grep -q "过去五年和2016年政府工作回顾" target/examples/outline.txt

step "measurements: parse_many speed-up, wasm size, baogao vs JioNLP side by side"
.venv/bin/python scripts/bench-python.py
bash scripts/wasm-size.sh
cargo build --release --locked -q -p baogao --bin baogao --example limits
.venv/bin/python scripts/bench-side-by-side.py

finish
printf '\n== test: all passed in %ss\n' "$SECONDS"
printf '%s\n' "${SUMMARY[@]}"
