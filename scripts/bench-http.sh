#!/usr/bin/env bash
# Load-test the HTTP server with wrk on loopback: cljw's (the release
# build) and, when Debian's libring-jetty-adapter-clojure is installed, the
# same Ring handler on JVM Jetty. Prints wrk's report for each; figures go
# to docs/performance.md. Only 127.0.0.1 is contacted.
#   scripts/bench-http.sh            (DURATION=10s CONNECTIONS=64 THREADS=2)
set -euo pipefail
cd "$(dirname "$0")/.."
CLJW=${CLJW:-${CARGO_TARGET_DIR:-target}/release/cljw}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "bench-http: wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
[ -x "$CLJW" ] || { echo "bench-http: $CLJW missing (cargo build --release)" >&2; exit 2; }

bench() {
  local name=$1; shift
  coproc SERVER { exec "$@" 2>/dev/null; }
  local pid=$SERVER_PID line
  read -r line <&"${SERVER[0]}"
  local port=${line#port }
  # Warm up (the JVM's JIT), then measure.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$port/" >/dev/null
  echo "== $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency http://127.0.0.1:$port/"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port/"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

bench "cljw (org.httpkit.server, 4 handler threads)" "$CLJW" benches/http/hello_cljw.clj
J=/usr/share/java
if [ -f "$J/ring-jetty-adapter.jar" ] && command -v clojure >/dev/null; then
  cp="$J/ring-jetty-adapter.jar:$J/ring-core.jar:$J/ring-servlet.jar:$J/ring-codec.jar:$J/jetty9-server.jar:$J/jetty9-http.jar:$J/jetty9-io.jar:$J/jetty9-util.jar:$J/servlet-api.jar:$J/commons-io.jar:$J/commons-fileupload.jar:$J/commons-codec.jar"
  bench "JVM Clojure 1.11 + ring-jetty-adapter 1.8 (Jetty 9.4)" clojure -cp "$cp" benches/http/hello_jetty.clj
else
  echo "== JVM Ring/Jetty skipped: apt-get install -y libring-jetty-adapter-clojure"
fi
