#!/usr/bin/env bash
# Re-record the expected output of golden programs with JVM Clojure 1.11.1:
# NAME.out (beside NAME.clj) gets stdout, NAME.exit the exit status when it
# is not 0.
# Usage: scripts/record-golden.sh [FILE.clj...]   (default: all of tests/golden)
# Programs run from the repository root with relative paths, as tests/golden.rs
# runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clojure >/dev/null || { echo "record-golden: clojure (JVM) is not installed" >&2; exit 2; }
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find tests/golden -name '*.clj' | sort)
fi
for f in "${files[@]}"; do
  set +e
  base="${f%.clj}"
  timeout 300 clojure "$f" > "$base.out" 2>/dev/null < /dev/null
  code=$?
  set -e
  if [ "$code" -ne 0 ]; then
    echo "$code" > "$base.exit"
  else
    rm -f "$base.exit"
  fi
  echo "recorded $f (exit $code)"
done
