#!/usr/bin/env bash
# Times `rcmap compare` on two generated waves of 300 respondents each with
# 2,000 bootstrap resamples (target: under 1 s). Usage: bench/compare.sh [build-dir]
set -euo pipefail
BIN="${1:-build}/rcmap"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
"$BIN" sample --out "$DIR/data" --waves 2 --respondents 300 --seed 1
best=""
for i in 1 2 3 4 5; do
  s=$(date +%s.%N)
  "$BIN" compare --units "$DIR/data/units.csv" --responses "$DIR/data/responses.csv" \
    --bootstrap 2000 --seed 1 --out "$DIR/out" -q
  e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
rows=$(($(wc -l < "$DIR/data/responses.csv") - 1))
ties=$(($(wc -l < "$DIR/out/changes.csv") - 1))
echo "rcmap compare: 2 waves x 300 respondents ($rows rows), $ties ties, 2000 resamples: best of 5 = ${best} s"
