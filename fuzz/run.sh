#!/usr/bin/env bash
# Build and run a cljw libFuzzer target on the STABLE toolchain (no
# cargo-fuzz, no nightly): the SanitizerCoverage instrumentation cargo-fuzz
# asks rustc for is available through stable -C flags; only the sanitizers
# (-Zsanitizer=address) need nightly, and safe Rust does not need them.
# libfuzzer-sys builds libFuzzer itself with the C++ compiler (g++).
#
#   fuzz/run.sh TARGET [SECONDS] [libFuzzer options...]
#   fuzz/run.sh eval 600 -jobs=1
#
# TARGET is read, analyze or eval. Inputs that crash land in
# fuzz/artifacts/TARGET/, the corpus in fuzz/corpus/TARGET/ (neither is
# committed). Reproduce a crash with: fuzz/run.sh TARGET 0 ARTIFACT_FILE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: fuzz/run.sh read|analyze|eval [SECONDS] [libFuzzer options...]}
secs=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$here/target}
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
 -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
 -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares \
 -Cdebug-assertions -Coverflow-checks -Cdebuginfo=line-tables-only"
# An explicit --target keeps RUSTFLAGS off build scripts (as cargo-fuzz does).
host=$(rustc -vV | sed -n 's/^host: //p')
(cd "$here" && cargo build --release --target "$host" --bin "$target")
bin=$CARGO_TARGET_DIR/$host/release/$target
mkdir -p "$here/corpus/$target" "$here/artifacts/$target"
if [ "$secs" = 0 ]; then
    exec "$bin" "$@"
fi
# The reader and analyzer targets start from the golden programs (those
# under 4 KiB, copied to fuzz/seed/TARGET, not committed): from an empty
# corpus libFuzzer spends minutes growing inputs a few bytes at a time.
seeds=()
if [ "$target" != eval ]; then
    mkdir -p "$here/seed/$target"
    find "$here/../tests/golden" -name '*.clj' -size -4k -exec cp {} "$here/seed/$target/" \;
    seeds=("$here/seed/$target")
fi
exec "$bin" -max_total_time="$secs" -rss_limit_mb=4096 -timeout=30 \
    -artifact_prefix="$here/artifacts/$target/" "$@" "$here/corpus/$target" "${seeds[@]}"
