#!/usr/bin/env bash
# Hardening test: build the libFuzzer targets (fuzz/) with clang, or run one.
#   fuzz.sh build SOURCE_DIR WORK_DIR
#   fuzz.sh run   SOURCE_DIR WORK_DIR TARGET SECONDS
# `run` first replays tests/data/fuzz-regressions/TARGET/* (every crash ever
# found), then fuzzes for SECONDS from the seed corpus. A crash, leak,
# sanitizer report, broken invariant or timeout fails the test; the input is
# saved under WORK_DIR/artifacts/TARGET/ — copy it into
# tests/data/fuzz-regressions/TARGET/ when fixing the bug.
set -euo pipefail
mode=$1 src=$2 work=$3
case "$mode" in
  build)
    cxx=${RCMAP_FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}
    if [ -z "$cxx" ]; then echo "fuzz.sh: clang++ not found (bash scripts/install-deps.sh --test)" >&2; exit 1; fi
    cmake -S "$src/fuzz" -B "$work/build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$work/build" -j2
    ;;
  run)
    target=$4 seconds=$5
    bin="$work/build/fuzz_$target"
    [ -x "$bin" ] || { echo "fuzz.sh: $bin not built" >&2; exit 1; }
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    reg="$src/tests/data/fuzz-regressions/$target"
    if [ -d "$reg" ] && [ -n "$(ls -A "$reg")" ]; then
      echo "== replaying $(ls "$reg" | wc -l) regression inputs from $reg"
      "$bin" -runs=0 "$reg"/*
    fi
    "$src/tests/hardening/make_seeds.sh" "$src" "$work/seeds"
    corpus="$work/corpus/$target"
    mkdir -p "$corpus" "$work/artifacts/$target"
    echo "== fuzzing fuzz_$target for ${seconds}s"
    # -max_len bounds input size, -rss_limit_mb memory, -timeout one input's time.
    "$bin" "$corpus" "$work/seeds/$target" -max_total_time="$seconds" -max_len=16384 \
      -rss_limit_mb=1536 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$target/" >"$work/fuzz_$target.log" 2>&1 && status=0 || status=$?
    grep -E '^(INFO: seed corpus|Done [0-9]+ runs|stat::)' "$work/fuzz_$target.log" || true
    if [ "$status" -ne 0 ]; then
      tail -n 60 "$work/fuzz_$target.log" >&2
      echo "fuzz.sh: fuzz_$target failed (exit $status); inputs in $work/artifacts/$target/:" >&2
      ls -l "$work/artifacts/$target/" >&2
      exit 1
    fi
    ;;
  *) echo "usage: fuzz.sh build|run ..." >&2; exit 1 ;;
esac
