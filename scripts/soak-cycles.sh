#!/usr/bin/env bash
# Soak test of the cycle collector (runtime/cycle.rs): runs
# benches/soak/cycles.clj (reference cycles through every cell kind, in a
# loop) for SECONDS and prints the process's RSS every INTERVAL seconds.
# Flat RSS = the cycles are reclaimed; without the collector it grows by
# ~100 MB a second.
#   scripts/soak-cycles.sh [SECONDS=600] [INTERVAL=30] [CLJW=target/release/cljw]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
every=${2:-30}
cljw=${3:-${CARGO_TARGET_DIR:-target}/release/cljw}
SOAK_SECONDS=$secs "$cljw" benches/soak/cycles.clj &
pid=$!
start=$(date +%s)
printf '%8s %10s\n' seconds rss_kib
while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$rss" ] && printf '%8d %10d\n' $(( $(date +%s) - start )) "$rss"
    sleep "$every"
done
wait "$pid"
