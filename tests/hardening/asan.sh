#!/usr/bin/env bash
# Hardening test: configure and build a second tree of the same source with
# AddressSanitizer + UndefinedBehaviorSanitizer (any report is fatal), then
# run its whole Catch2 suite, which also runs the sanitized rcmap executable
# end to end. The inner tree does not register the hardening tests again.
#   asan.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1 build=$2
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DRCMAP_BUILD_TESTS=ON -DRCMAP_HARDENING_TESTS=OFF >/dev/null
cmake --build "$build" -j2
export LSAN_OPTIONS=suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# One process for the whole suite (faster than ctest's one process per case).
"$build/rcmap_tests" --reporter compact --order decl
