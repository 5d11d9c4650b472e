#!/usr/bin/env bash
# Hardening test: `rcmap analyze` on the shipped sample (and `validate` on an
# invalid file, the error path) under valgrind memcheck: any memory error or
# definite/indirect/possible leak fails (--error-exitcode).
#   valgrind.sh SOURCE_DIR RCMAP_BINARY WORK_DIR
set -euo pipefail
src=$1 rcmap=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
vg=(valgrind --quiet --suppressions="$src/tests/hardening/valgrind.supp" --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes --error-exitcode=99)
"${vg[@]}" "$rcmap" analyze --units "$src/samples/units.csv" --responses "$src/samples/responses.csv" \
  --out "$work/out"
for f in ties.csv units.csv sides.csv summary.json; do test -s "$work/out/$f"; done
# Invalid input: exit code 2 expected, and still no memory error or leak.
set +e
"${vg[@]}" "$rcmap" validate --units "$src/samples/bad/units.csv" \
  --responses "$src/samples/bad/bad_score.csv" 2>"$work/bad.log"
rc=$?
set -e
cat "$work/bad.log"
if [ "$rc" -ne 2 ]; then echo "valgrind.sh: expected exit 2 on invalid input, got $rc" >&2; exit 1; fi
echo "valgrind: 0 errors, 0 leaks"
