#!/usr/bin/env bash
# Re-record the expected output of tests/batteries programs on JVM Clojure
# 1.11.1 with the real libraries' jars from Debian packages on the class
# path (libcheshire-clojure, libdata-json-clojure: apt-get install -y ...).
# NAME.out gets stdout, NAME.exit the exit status when it is not 0.
# Programs whose library has no JVM jar here (babashka.*) are not recorded
# by this script: their NAME.out follows the library's documented
# behaviour, as a comment at the top of NAME.clj says.
# Usage: scripts/record-batteries.sh [FILE.clj...]   (default: all recordable)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clojure >/dev/null || { echo "record-batteries: clojure (JVM) is not installed" >&2; exit 2; }
J=/usr/share/java
cp=""
for jar in cheshire jackson-core jackson-dataformat-cbor jackson-dataformat-smile tigris data.json; do
  [ -f "$J/$jar.jar" ] || { echo "record-batteries: $J/$jar.jar missing (apt-get install -y libcheshire-clojure libdata-json-clojure)" >&2; exit 2; }
  cp="$cp:$J/$jar.jar"
done
# cljw.json is cljw's own thin layer over cheshire.core and
# clojure.data.json, written in Clojure: the JVM loads that same source
# (src/lib/cljw/json.clj) over the real libraries to record its programs.
own=$(mktemp -d)
trap 'rm -rf "$own"' EXIT
mkdir -p "$own/cljw"
cp src/lib/cljw/json.clj "$own/cljw/json.clj"
cp="$cp:$own"
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(grep -L '^;; recorded-from: spec' tests/batteries/*.clj | sort)
fi
for f in "${files[@]}"; do
  set +e
  base="${f%.clj}"
  timeout 300 clojure -cp "${cp#:}" "$f" > "$base.out" 2>/dev/null < /dev/null
  code=$?
  set -e
  if [ "$code" -ne 0 ]; then
    echo "$code" > "$base.exit"
  else
    rm -f "$base.exit"
  fi
  echo "recorded $f (exit $code)"
done
