#!/usr/bin/env bash
# The library compatibility suite: for each library in tests/libs/LIBS,
# install its Debian package (apt), put its jars on the load path, run the
# usage program tests/libs/NAME.clj on cljw and compare stdout with
# tests/libs/NAME.out (recorded on JVM Clojure 1.11.1 with the same jars).
#
# Prints one row per library and exits 0, unless a library listed in
# tests/libs/PASSING fails (a regression).
#
# Usage: scripts/libs-compat.sh [--record] [NAME...]
#   --record   re-record NAME.out with JVM Clojure instead of testing
#   CLJW=path  the cljw binary (default: target/debug/cljw, built if missing)
set -uo pipefail
cd "$(dirname "$0")/.."

JAVA_DIR=/usr/share/java
LIBDIR=tests/libs
TIMEOUT=${LIBS_TIMEOUT:-120}

record=0
if [ "${1:-}" = "--record" ]; then
  record=1
  shift
fi

# One load-path entry per jar: cljw reads jars in place (runtime/classpath.rs).
load_root() { echo "$1"; }

# NAME -> "package jar..." from the manifest.
entry() { awk -v n="$1" '$1 == n { $1 = ""; print }' "$LIBDIR/LIBS"; }
all_names() { grep -v '^#' "$LIBDIR/LIBS" | awk 'NF { print $1 }'; }

if [ $# -gt 0 ]; then names=("$@"); else mapfile -t names < <(all_names); fi

# Install the packages not installed yet, in one apt run.
missing=()
for n in "${names[@]}"; do
  read -r pkg _ <<<"$(entry "$n")"
  [ -n "${pkg:-}" ] || { echo "libs-compat: $n is not in $LIBDIR/LIBS" >&2; exit 2; }
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
    { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } ||
    echo "libs-compat: apt-get install failed for: ${missing[*]}" >&2
fi

if [ $record -eq 0 ]; then
  CLJW=${CLJW:-${CARGO_TARGET_DIR:-target}/debug/cljw}
  [ -x "$CLJW" ] || cargo build --quiet || exit 2
fi

passing=()
[ -f "$LIBDIR/PASSING" ] && mapfile -t passing < <(grep -v '^#' "$LIBDIR/PASSING" | awk 'NF { print $1 }')
is_passing() { local p; for p in "${passing[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

npass=0; nfail=0; regressions=()
printf '%-20s %-6s %-5s %s\n' library loads? pass? "first difference / error"
for n in "${names[@]}"; do
  read -r _ jars <<<"$(entry "$n")"
  roots=(); cp=$JAVA_DIR/clojure.jar; ok_jars=1
  for j in $jars; do
    jar=$JAVA_DIR/$j.jar
    [ -f "$jar" ] || { ok_jars=0; break; }
    roots+=("$(load_root "$jar")"); cp="$cp:$jar"
  done
  prog=$LIBDIR/$n.clj
  if [ $ok_jars -eq 0 ]; then
    printf '%-20s %-6s %-5s %s\n' "$n" - FAIL "missing jar $jar"; nfail=$((nfail + 1))
    is_passing "$n" && regressions+=("$n"); continue
  fi
  if [ $record -eq 1 ]; then
    timeout "$TIMEOUT" java -cp "$cp" clojure.main "$prog" >"$LIBDIR/$n.out" 2>/tmp/libs-compat-$$.err </dev/null ||
      { echo "recording $n failed:" >&2; tail -5 /tmp/libs-compat-$$.err >&2; }
    echo "recorded $LIBDIR/$n.out"; continue
  fi
  out=$(CLJW_PATH=$(IFS=:; echo "${roots[*]}") timeout "$TIMEOUT" "$CLJW" "$prog" 2>/tmp/libs-compat-$$.err </dev/null)
  code=$?
  # "loads": the program's first line (its requires) printed `loaded`.
  loads=no; [ "$(head -n1 <<<"$out")" = "loaded" ] && loads=yes
  if [ $code -eq 0 ] && [ "$out" = "$(cat "$LIBDIR/$n.out")" ]; then
    printf '%-20s %-6s %-5s\n' "$n" "$loads" ok; npass=$((npass + 1))
  else
    if [ $code -ne 0 ]; then
      why=$(grep -v '^\s*$' /tmp/libs-compat-$$.err | grep -v -E '^(Full report at|/tmp/)' | head -2 | tr '\n' ' ')
      [ $code -eq 124 ] && why="timeout after ${TIMEOUT}s"
    else
      why=$(diff <(echo "$out") "$LIBDIR/$n.out" | grep -E '^[<>]' | head -2 | tr '\n' ' ')
    fi
    printf '%-20s %-6s %-5s %s\n' "$n" "$loads" FAIL "${why:0:150}"; nfail=$((nfail + 1))
    is_passing "$n" && regressions+=("$n")
  fi
done
rm -f /tmp/libs-compat-$$.err
[ $record -eq 1 ] && exit 0
echo "libraries: $npass pass their usage program, $nfail do not yet"
if [ ${#regressions[@]} -gt 0 ]; then
  echo "REGRESSION: listed in $LIBDIR/PASSING but failing: ${regressions[*]}"
  exit 1
fi
exit 0
