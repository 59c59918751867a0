#!/usr/bin/env bash
# End-to-end check of `cljw build --target wasm32-wasip1`: build a small
# project (a namespace and a local dependency) into one .wasm module with
# the native cljw, move the module to an empty directory, run it under
# wasmtime and compare its output. Usage: scripts/wasm-build-test.sh
# [NATIVE_CLJW] [CLJW_WASM] (defaults: the debug binary and the release
# wasm32 build of this checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cljw="$(realpath "${1:-$target/debug/cljw}")"
runtime="$(realpath "${2:-$target/wasm32-wasip1/release/cljw.wasm}")"
runner="$(realpath scripts/wasm-run.py)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lib/src/lib" "$tmp/app/src/app" "$tmp/empty"
echo '(ns lib.core) (defn greet [n] (str "hello " n))' > "$tmp/lib/src/lib/core.clj"
echo '(ns app.main (:require [lib.core :as l])) (defn -main [& args] (prn (l/greet "wasm") args))' \
  > "$tmp/app/src/app/main.clj"
echo '{:deps {lib/lib {:local/root "../lib"}}}' > "$tmp/app/deps.edn"
(cd "$tmp/app" && "$cljw" build -m app.main -o "$tmp/empty/app.wasm" \
  --target wasm32-wasip1 --runtime "$runtime")
got="$(cd "$tmp/empty" && python3 "$runner" app.wasm a b)"
want='"hello wasm" ("a" "b")'
if [ "$got" != "$want" ]; then
  echo "wasm build test: expected $want, got $got" >&2
  exit 1
fi
echo "wasm build test: ok"
