#!/usr/bin/env bash
# Run the golden programs (tests/golden/**/*.clj) on the wasm32-wasip1 build
# under wasmtime (scripts/wasm-run.py), comparing stdout and exit status with
# NAME.out / NAME.exit like tests/golden.rs does. Programs run from the
# repository root with relative paths (the root is the preopened directory).
# Usage: scripts/wasm-golden.sh [FILE.clj...]
set -uo pipefail
cd "$(dirname "$0")/.."
wasm=target/wasm32-wasip1/release/cljw.wasm
if [ ! -f "$wasm" ]; then
  cargo build --release --target wasm32-wasip1 --no-default-features || exit 2
fi
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find tests/golden -name '*.clj' | sort)
fi
backends=$(python3 scripts/wasm-run.py "$wasm" --backend=vm -e nil >/dev/null 2>&1 && echo "vm tree-walk" || echo "tree-walk")
pass=0; fail=0
failed=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "${files[@]}"; do
  base="${f%.clj}"
  want_code=0
  [ -f "$base.exit" ] && want_code=$(tr -d '[:space:]' < "$base.exit")
  for b in $backends; do
    python3 scripts/wasm-run.py "$wasm" "--backend=$b" "$f" > "$tmp/out" 2> "$tmp/err" < /dev/null
    code=$?
    if ! cmp -s "$tmp/out" "$base.out"; then
      fail=$((fail + 1)); failed+=("$f [$b]")
      echo "FAIL $f [$b]: stdout differs"
      diff "$base.out" "$tmp/out" | head -8
      head -4 "$tmp/err"
    elif [ "$code" != "$want_code" ]; then
      fail=$((fail + 1)); failed+=("$f [$b]")
      echo "FAIL $f [$b]: exit $code, expected $want_code"
      head -4 "$tmp/err"
    else
      pass=$((pass + 1))
    fi
  done
done
echo "wasm golden: $pass passed, $fail failed (backends: $backends)"
[ "$fail" -eq 0 ]
