#!/usr/bin/env bash
# Runs every test: formatting, lints, unit + golden tests on both backends,
# the other build configurations, and the golden programs on wasm32 under
# wasmtime. Installs what it needs (wasm32 target, wasmtime from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "toolchain"
if ! rustup target list --installed 2>/dev/null | grep -q wasm32-wasip1; then
  rustup target add wasm32-wasip1
fi
python3 -c 'import wasmtime' 2>/dev/null || python3 -m pip install --quiet wasmtime
rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy
# JVM nREPL's client, for the end-to-end test in tests/nrepl.rs.
if [ ! -f /usr/share/java/nrepl.jar ] && command -v apt-get >/dev/null; then
  apt-get install -y -q libnrepl-clojure >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q libnrepl-clojure >/dev/null 2>&1; } || true
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (default features, all targets)"
cargo clippy --all-targets -- -D warnings

step "cargo test (default features)"
cargo test

step "cargo build --no-default-features"
cargo build --no-default-features
cargo test --no-default-features --lib

step "cargo build --features full"
cargo build --features full

step "cargo build --target wasm32-wasip1 --no-default-features"
cargo build --release --target wasm32-wasip1 --no-default-features

step "cljw.wasm inside cljw.wasm/run (needs the wasm32 build above)"
cargo test --test wasm_ffi cljw_wasm_runs_inside_wasm_run

if [ -x scripts/wasm-golden.sh ]; then
  step "golden programs on wasm32 (wasmtime)"
  scripts/wasm-golden.sh
fi

step "cljw build --target wasm32-wasip1 (a project run under wasmtime)"
cargo build
scripts/wasm-build-test.sh

step "library compatibility suite (tests/libs)"
scripts/libs-compat.sh

echo
echo "all checks passed"
