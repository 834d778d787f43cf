# make demo   show the embedded sample report (needs only cargo)
# make test   install what is missing (scripts/setup.sh), then run every check (scripts/test.sh)
# make setup  install what the tests need on a fresh Debian 12 machine (idempotent)

.PHONY: help demo setup test wasm

help:
	@echo "make demo   show the embedded sample report (needs only cargo)"
	@echo "make test   setup + every check: fmt, clippy, cargo test, wasm, node, tsc, browser, pytest"
	@echo "make setup  install chromium, fonts, wasm32 target, wasm-bindgen CLI, npm and Python tools"
	@echo "make wasm   build the npm package into bindings-wasm/pkg/"

demo:
	cargo run --release --bin baogao -- show

setup:
	bash scripts/setup.sh

test: setup
	bash scripts/test.sh

wasm:
	bash scripts/build-wasm.sh
