#!/bin/bash
# Callgrind instructions per iteration of the call-path micro programs
# (docs/performance.md, "Call path (issue 8)"), net of start-up: each
# program runs with size N and with size 0, and the difference is divided
# by N.  Usage: benches/callpath/measure.sh BINARY [N]   (default N 100000)
set -eu
B=$(realpath "$1"); N=${2:-100000}
here=$(dirname "$(realpath "$0")")
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cd "$dir"; bash "$here/gen.sh" 0; bash "$here/gen.sh" "$N"
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B" -e "$(cat "$1")" 2>&1 | grep -o "Collected : [0-9]*" | grep -o "[0-9]*"; }
allocs() { valgrind "$B" -e "$(cat "$1")" 2>&1 | grep -o "total heap usage: [0-9,]* allocs" | grep -o "[0-9,]*" | head -1 | tr -d ,; }
for p in call reduce loop nth get kw mkfn; do
  a=$(ir "${p}_0.clj"); b=$(ir "${p}_$N.clj")
  echo "$p $(( (b - a) / N ))"
done
a=$(allocs mkfn_0.clj); b=$(allocs "mkfn_$N.clj")
echo "mkfn-mallocs $(( (b - a) / N ))"
