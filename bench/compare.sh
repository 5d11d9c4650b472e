#!/usr/bin/env bash
# Times `rcmap compare` on two generated waves of 300 respondents each with
# 2,000 bootstrap resamples, including its figures (change-map, change-matrix,
# trend as PNG and SVG; target: under 1 s), and without figures.
# Usage: bench/compare.sh [build-dir]
set -euo pipefail
BIN="${1:-build}/rcmap"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
"$BIN" sample --out "$DIR/data" --waves 2 --respondents 300 --seed 1
# best_of EXTRA...: best wall time of 5 runs, in seconds.
best_of() {
  local best="" s e t
  for i in 1 2 3 4 5; do
    s=$(date +%s.%N)
    "$BIN" compare --units "$DIR/data/units.csv" --responses "$DIR/data/responses.csv" \
      --bootstrap 2000 --seed 1 --out "$DIR/out" -q "$@"
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
with=$(best_of)
without=$(best_of --no-render)
rows=$(($(wc -l < "$DIR/data/responses.csv") - 1))
ties=$(($(wc -l < "$DIR/out/changes.csv") - 1))
echo "rcmap compare: 2 waves x 300 respondents ($rows rows), $ties ties, 2000 resamples, best of 5:"
echo "  with figures (png,svg): ${with} s; tables only (--no-render): ${without} s"
# CPU seconds of one run with figures (wall times above grow when the machine is shared).
cpu=$( { /usr/bin/time -f "%U %S" "$BIN" compare --units "$DIR/data/units.csv" --responses "$DIR/data/responses.csv" \
  --bootstrap 2000 --seed 1 --out "$DIR/out" -q; } 2>&1 | awk '{print $1 + $2}')
echo "  CPU (user + sys) of one run with figures: ${cpu} s; load average: $(cut -d' ' -f1 /proc/loadavg)"
