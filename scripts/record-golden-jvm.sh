#!/bin/sh
# Record expected output of golden programs from JVM Clojure 1.11.1.
# Usage: scripts/record-golden-jvm.sh [tests/golden/FILE.clj ...]
# (no args: every tests/golden/*.clj). Writes FILE.out (stdout) and
# FILE.exit (exit status) only when the status is non-zero.
cd "$(dirname "$0")/.." || exit 1
[ $# -eq 0 ] && set -- tests/golden/*.clj
for f in "$@"; do
  timeout 300 clojure "$f" > "${f%.clj}.out" 2> "/tmp/golden-stderr-$(basename "$f").txt" < /dev/null
  rc=$?
  if [ "$rc" -ne 0 ]; then echo "$rc" > "${f%.clj}.exit"; else rm -f "${f%.clj}.exit"; fi
  echo "$f exit=$rc"
done
